/// The platform's subscription for one tenant as the emulator plays it, and its Stripe JSON
/// (API version 2026-07-29.dahlia: billing periods live on the item, one per-seat item).
struct TenantSubscriptionState: Sendable {
    /// A month as the emulator bills it.
    static let periodSeconds: Int64 = 30 * 24 * 3600

    let id: String
    let itemID: String
    let customerID: String
    let tenantID: String
    let created: Int64
    var status = "incomplete"
    var priceID: String
    var quantity: Int64
    let currency: String
    let unitAmount: Int64
    var periodStart: Int64
    var periodEnd: Int64
    var latestInvoiceID: String?
    var canceledAt: Int64?

    var metadata: JSONValue { .object(JSONObject([("tenant_id", .string(tenantID))])) }

    var item: JSONObject {
        JSONObject([
            ("id", .string(itemID)), ("object", "subscription_item"), ("created", .int(created)),
            ("current_period_start", .int(periodStart)), ("current_period_end", .int(periodEnd)),
            ("discounts", .array([])), ("metadata", .object(JSONObject())),
            ("price", .object(price)), ("quantity", .int(quantity)),
            ("subscription", .string(id)), ("tax_rates", .array([])),
        ])
    }

    var price: JSONObject {
        JSONObject([
            ("id", .string(priceID)), ("object", "price"), ("active", true),
            ("billing_scheme", "per_unit"), ("currency", .string(currency)), ("livemode", false),
            (
                "recurring",
                .object(
                    JSONObject([
                        ("interval", "month"), ("interval_count", 1), ("meter", nil),
                        ("usage_type", "licensed"),
                    ]))
            ),
            ("type", "recurring"), ("unit_amount", .int(unitAmount)),
            ("unit_amount_decimal", .string(String(unitAmount))),
        ])
    }

    var json: JSONObject {
        JSONObject([
            ("id", .string(id)), ("object", "subscription"),
            ("billing_cycle_anchor", .int(created)), ("cancel_at", nil),
            ("cancel_at_period_end", false), ("canceled_at", .optional(canceledAt)),
            ("collection_method", "charge_automatically"), ("created", .int(created)),
            ("currency", .string(currency)), ("customer", .string(customerID)),
            ("ended_at", .optional(canceledAt)),
            (
                "items",
                .object(
                    JSONObject([
                        ("object", "list"), ("data", .array([.object(item)])), ("has_more", false),
                        ("url", .string("/v1/subscription_items?subscription=\(id)")),
                    ]))
            ),
            ("latest_invoice", .optional(latestInvoiceID)), ("livemode", false),
            ("metadata", metadata), ("start_date", .int(created)), ("status", .string(status)),
        ])
    }

    /// The fields Stripe lists in `previous_attributes` when they changed since `old`.
    func changes(since old: TenantSubscriptionState) -> JSONObject {
        var previous = JSONObject()
        if old.status != status { previous["status"] = .string(old.status) }
        if old.priceID != priceID || old.quantity != quantity || old.periodEnd != periodEnd {
            previous["items"] = .object(
                JSONObject([
                    ("object", "list"), ("data", .array([.object(old.item)])),
                ]))
        }
        if old.latestInvoiceID != latestInvoiceID {
            previous["latest_invoice"] = .optional(old.latestInvoiceID)
        }
        if old.canceledAt != canceledAt { previous["canceled_at"] = .null }
        return previous
    }
}
