import Foundation

/// Plays a tenant's subscription lifecycle, keeps its final state where the API serves it
/// (`GET /v1/subscriptions/{id}`, invoices, the session and `/v1/events` of the platform
/// account), signs every event as Stripe would and, when asked, POSTs them in order.
struct BillingEventsEmitter {
    let data: DataStore
    let billing: BillingObjects
    let ids: IDMaker

    /// The answer: `{"object": "list", "subscription": {…}, "data": [{id, type, payload,
    /// stripe_signature[, delivery]}, …]}` with the events in the order Stripe sends them.
    func emit(_ lifecycle: BillingLifecycle, now: Int64) throws -> JSONValue {
        let session = try lifecycle.checkoutSessionID.map(storedSession)
        let tenantID =
            lifecycle.tenantID ?? session?["client_reference_id"]?.stringValue
            ?? session?["metadata"]?["tenant_id"]?.stringValue
        guard let tenantID, !tenantID.isEmpty else {
            throw DatasetError("the session has no client_reference_id; give \"tenant_id\"")
        }
        guard let priceID = lifecycle.priceID ?? session?["_price"]?.stringValue else {
            throw DatasetError("the session names no price; give \"price\"")
        }
        let sessionQuantity = session?["_quantity"]?.intValue
        let signer = try self.signer(lifecycle)
        let poster = try lifecycle.deliverTo.map { try WebhookPoster(url: $0) }

        var timeline = BillingTimeline(
            tenantID: tenantID, priceID: priceID,
            quantity: lifecycle.quantity ?? sessionQuantity ?? 1, lifecycle: lifecycle,
            start: lifecycle.start ?? now, baseSession: session,
            makeID: { prefix, length in ids.make(prefix, length: length) })
        timeline.onboard(lifecycle.payment)
        for (index, change) in lifecycle.changes.enumerated() {
            try timeline.apply(change, index: index)
        }
        try keep(timeline)

        var entries: [JSONValue] = []
        for event in timeline.events {
            let payload = JSONValue.object(event).bytes
            let signed = SignedEvent(
                id: event["id"]?.stringValue ?? "", type: event["type"]?.stringValue ?? "",
                payload: payload, signature: signer.header(payload: payload, timestamp: now))
            entries.append(signed.json(deliveryStatus: poster?.deliver(signed)))
        }
        return .object(
            JSONObject([
                ("object", "list"), ("subscription", .object(timeline.subscription.json)),
                ("data", .array(entries)),
            ]))
    }

    private func storedSession(_ id: String) throws -> JSONObject {
        guard let stored = data.object(.checkoutSessions, of: data.platformAccountID, id: id) else {
            throw DatasetError(
                "no checkout session \(id) on the platform account; create it through "
                    + "POST /v1/checkout/sessions first")
        }
        return try stored.json()
    }

    private func signer(_ lifecycle: BillingLifecycle) throws -> WebhookSigner {
        if let secret = lifecycle.webhookSecret {
            guard let signer = WebhookSigner(secrets: [secret]) else {
                throw DatasetError("\"webhook_secret\" is empty; give the endpoint's whsec_… secret")
            }
            return signer
        }
        guard let signer = billing.signer else {
            throw DatasetError(
                "no webhook secret: start the emulator with STRIPE_WEBHOOK_SECRETS set or give "
                    + "\"webhook_secret\"")
        }
        return signer
    }

    /// Stores the final subscription, invoices, session, customer and events.
    private func keep(_ timeline: BillingTimeline) throws {
        let subscription = JSONValue.object(timeline.subscription.json).bytes
        billing.putSubscription(id: timeline.subscription.id, bytes: subscription)
        let objects =
            [timeline.customer, timeline.session] + timeline.invoices.map(\.json) + timeline.events
        for object in objects {
            try data.upsert(try StoredObject(object), into: data.platformAccountID)
        }
    }
}
