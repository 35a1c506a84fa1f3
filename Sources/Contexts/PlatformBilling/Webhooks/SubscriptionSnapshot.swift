/// The fields of a Stripe subscription that decide a tenant's status, package and seats.
/// Periods come from the first item (since 2025-03-31 they live on items).
struct SubscriptionSnapshot: Equatable {
    let id: String
    let customer: String
    let status: String
    let priceID: String
    let quantity: Int64
    let periodStart: Int64
    let periodEnd: Int64
    let tenantID: String?

    init?(_ object: [String: Any]) {
        guard object.string("object") == "subscription", let id = object.string("id"), !id.isEmpty,
            let status = object.string("status")
        else { return nil }
        let item = object.listData("items").first ?? [:]
        self.id = id
        self.customer = object.reference("customer") ?? ""
        self.status = status
        self.priceID = item.reference("price") ?? ""
        self.quantity = item.int("quantity") ?? 0
        self.periodStart = item.int("current_period_start") ?? 0
        self.periodEnd = item.int("current_period_end") ?? 0
        self.tenantID = object.string("metadata.tenant_id")
    }
}
