/// A Stripe billing credit grant as recorded for a tenant; voiding arrives as an update.
struct CreditGrantSnapshot {
    let id: String
    let customer: String?
    let tenantID: String?
    let category: String
    let currency: String
    let amount: Int64
    let voidedAt: Int64?
    let expiresAt: Int64?

    init?(_ object: [String: Any]) {
        guard let id = object.string("id"), !id.isEmpty else { return nil }
        self.id = id
        customer = object.reference("customer")
        tenantID = object.string("metadata.tenant_id")
        category = object.string("category") ?? ""
        currency = object.string("amount.monetary.currency") ?? ""
        amount = object.int("amount.monetary.value") ?? 0
        voidedAt = object.int("voided_at")
        expiresAt = object.int("expires_at")
    }
}
