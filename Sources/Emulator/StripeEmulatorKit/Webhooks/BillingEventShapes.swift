/// The Checkout Session, customer and event objects of a tenant's billing, shaped as Stripe
/// sends them at API version 2026-07-29.dahlia.
enum BillingEventShapes {
    /// A new subscription-mode session, as `POST /v1/checkout/sessions` would make it.
    static func openSession(id: String, created: Int64) -> JSONObject {
        JSONObject([
            ("id", .string(id)), ("object", "checkout.session"), ("mode", "subscription"),
            ("status", "open"), ("payment_status", "unpaid"), ("success_url", nil),
            ("created", .int(created)), ("metadata", .object(JSONObject())),
        ])
    }

    /// `session` completed for `subscription`: `status: complete`, its customer, subscription
    /// and first invoice, and `payment_status` as given.
    static func completed(
        _ base: JSONObject, subscription: TenantSubscriptionState, paymentStatus: String
    ) -> JSONObject {
        var session = base
        session.removeValue(forKey: "_price")
        session.removeValue(forKey: "_quantity")
        session["url"] = .null
        session["status"] = "complete"
        session["payment_status"] = .string(paymentStatus)
        session["client_reference_id"] = .string(subscription.tenantID)
        session["customer"] = .string(subscription.customerID)
        session["subscription"] = .string(subscription.id)
        session["invoice"] = .optional(subscription.latestInvoiceID)
        session["currency"] = .string(subscription.currency)
        session["amount_total"] = .int(subscription.unitAmount * subscription.quantity)
        session["livemode"] = false
        var metadata = session["metadata"]?.objectValue ?? JSONObject()
        metadata["tenant_id"] = .string(subscription.tenantID)
        session["metadata"] = .object(metadata)
        return session
    }

    static func customer(id: String, tenantID: String, created: Int64) -> JSONObject {
        JSONObject([
            ("id", .string(id)), ("object", "customer"), ("created", .int(created)),
            ("email", nil), ("livemode", false),
            ("metadata", .object(JSONObject([("tenant_id", .string(tenantID))]))),
        ])
    }

    /// A platform-account event (no `account` field); `previous` becomes
    /// `data.previous_attributes` on `*.updated` events.
    static func event(
        id: String, type: String, created: Int64, object: JSONObject, previous: JSONObject?
    ) -> JSONObject {
        var data = JSONObject([("object", .object(object))])
        if let previous { data["previous_attributes"] = .object(previous) }
        return JSONObject([
            ("id", .string(id)), ("object", "event"), ("api_version", .string(StripeEmulator.apiVersion)),
            ("created", .int(created)), ("data", .object(data)), ("livemode", false),
            ("pending_webhooks", 1),
            ("request", .object(JSONObject([("id", nil), ("idempotency_key", nil)]))),
            ("type", .string(type)),
        ])
    }
}
