import Contracts

extension WebhookProcessor {
    /// Applies one classified event inside the transaction that recorded its id.
    func apply(_ plan: WebhookPlan, event: WebhookEvent, current: SubscriptionSnapshot?) throws
        -> (Outcome, String)
    {
        switch plan {
        case .skip(let reason):
            throw SkipEvent(reason: reason)
        case .subscription(let body):
            let tenantID = try resolveTenant(
                body.tenantID ?? current?.tenantID, subscription: body.id, customer: body.customer)
            let stored = try store.tenant(tenantID)?.subscriptionEventCreated
            switch SubscriptionOrdering.decide(stored: stored, incoming: event.created) {
            case .ignoreStale:
                return (.stale, "a newer subscription state is stored")
            case .applyBody:
                try store.applySubscription(body, tenantID: tenantID, eventCreated: event.created)
                return (.applied, "subscription \(body.id) is \(body.status)")
            case .readCurrentFromStripe:
                guard let current, current.id == body.id else {
                    throw NeedsCurrentSubscription(subscriptionID: body.id)
                }
                try store.applySubscription(current, tenantID: tenantID, eventCreated: event.created)
                return (.applied, "same-second event; subscription \(body.id) read from Stripe")
            }
        case .checkout(let checkout):
            let tenantID = try resolveTenant(
                checkout.tenantID ?? store.checkoutTenant(checkout.id),
                subscription: checkout.subscriptionID, customer: checkout.customer)
            let changed = try store.applyCheckout(checkout, tenantID: tenantID, now: clock())
            return changed
                ? (.applied, "checkout \(checkout.status.rawValue)") : (.stale, "checkout already final")
        case .invoice(let invoice, let paid):
            let tenantID = try resolveTenant(
                invoice.tenantID, subscription: invoice.subscriptionID, customer: invoice.customer)
            let changed = try store.applyInvoice(invoice, tenantID: tenantID, eventCreated: event.created)
            let granted = paid ? try grantInvoiceCredits(invoice, tenantID: tenantID, event: event) : 0
            if !changed && granted == 0 { return (.stale, "a later invoice state is stored") }
            return (.applied, "invoice \(invoice.status)" + (granted > 0 ? ", \(granted) credits" : ""))
        case .creditGrant(let grant):
            let tenantID = try resolveTenant(grant.tenantID, subscription: nil, customer: grant.customer)
            let changed = try store.applyCreditGrant(
                grant, tenantID: tenantID, eventCreated: event.created)
            return changed
                ? (.applied, "credit grant recorded") : (.stale, "a newer credit grant state is stored")
        }
    }

    /// The tenant named in the object, else the owner of its subscription or customer.
    private func resolveTenant(_ named: String?, subscription: String?, customer: String?) throws
        -> String
    {
        if let named, !named.isEmpty {
            try store.ensureTenant(named)
            return named
        }
        guard let found = try store.tenantID(subscription: subscription, customer: customer) else {
            throw SkipEvent(reason: "no tenant owns this object; nothing to store")
        }
        return found
    }

    /// Credits a paid invoice buys, granted once per invoice whatever event carries it.
    private func grantInvoiceCredits(
        _ invoice: InvoiceSnapshot, tenantID: String, event: WebhookEvent
    ) throws
        -> Int64
    {
        guard let tenant = try store.tenant(tenantID) else { return 0 }
        let credits = try store.credits(boughtBy: invoice, tenant: tenant)
        guard credits > 0 else { return 0 }
        let balance = try store.appendCredit(
            tenantID: tenantID, delta: credits, reason: "invoice paid (event \(event.id))",
            source: "invoice:\(invoice.id)", now: clock())
        return balance == nil ? 0 : credits
    }
}
