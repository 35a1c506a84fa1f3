/// One invoice of a tenant's subscription and its Stripe JSON (dahlia: the subscription is
/// under `parent.subscription_details`, each line's price under `pricing.price_details`).
struct TenantInvoiceState: Sendable {
    let id: String
    let lineID: String
    let subscription: TenantSubscriptionState
    let created: Int64
    /// `subscription_create` or `subscription_cycle`.
    let billingReason: String
    var status = "open"
    var attemptCount: Int64 = 0
    var paidAt: Int64?

    var amount: Int64 { subscription.unitAmount * subscription.quantity }

    var json: JSONObject {
        let sub = subscription
        let line = JSONObject([
            ("id", .string(lineID)), ("object", "line_item"), ("amount", .int(amount)),
            ("currency", .string(sub.currency)), ("description", .string("\(sub.quantity) × seat")),
            ("invoice", .string(id)), ("livemode", false), ("metadata", sub.metadata),
            (
                "parent",
                .object(
                    JSONObject([
                        ("type", "subscription_item_details"),
                        (
                            "subscription_item_details",
                            .object(
                                JSONObject([
                                    ("invoice_item", nil), ("proration", false),
                                    ("subscription", .string(sub.id)), ("subscription_item", .string(sub.itemID)),
                                ]))
                        ),
                    ]))
            ),
            (
                "period",
                .object(
                    JSONObject([
                        ("end", .int(sub.periodEnd)), ("start", .int(sub.periodStart)),
                    ]))
            ),
            (
                "pricing",
                .object(
                    JSONObject([
                        ("type", "price_details"),
                        ("price_details", .object(JSONObject([("price", .string(sub.priceID))]))),
                        ("unit_amount_decimal", .string(String(sub.unitAmount))),
                    ]))
            ),
            ("quantity", .int(sub.quantity)),
        ])
        let paid = status == "paid" ? amount : 0
        return JSONObject([
            ("id", .string(id)), ("object", "invoice"), ("amount_due", .int(amount)),
            ("amount_paid", .int(paid)), ("amount_remaining", .int(amount - paid)),
            ("attempt_count", .int(attemptCount)), ("attempted", .bool(attemptCount > 0)),
            ("billing_reason", .string(billingReason)),
            ("collection_method", "charge_automatically"), ("created", .int(created)),
            ("currency", .string(sub.currency)), ("customer", .string(sub.customerID)),
            (
                "lines",
                .object(
                    JSONObject([
                        ("object", "list"), ("data", .array([.object(line)])), ("has_more", false),
                        ("url", .string("/v1/invoices/\(id)/lines")),
                    ]))
            ),
            ("livemode", false), ("metadata", .object(JSONObject())),
            (
                "parent",
                .object(
                    JSONObject([
                        ("type", "subscription_details"), ("quote_details", nil),
                        (
                            "subscription_details",
                            .object(
                                JSONObject([
                                    ("metadata", sub.metadata), ("subscription", .string(sub.id)),
                                ]))
                        ),
                    ]))
            ),
            ("period_end", .int(sub.periodEnd)), ("period_start", .int(sub.periodStart)),
            ("status", .string(status)),
            (
                "status_transitions",
                .object(
                    JSONObject([
                        ("finalized_at", .int(created)), ("marked_uncollectible_at", nil),
                        ("paid_at", .optional(paidAt)), ("voided_at", nil),
                    ]))
            ),
            ("subtotal", .int(amount)), ("total", .int(amount)),
        ])
    }
}
