/// The fields of a Stripe invoice PlatformBilling keeps, and where it points to a tenant.
struct InvoiceSnapshot {
    let id: String
    let status: String
    let currency: String
    let amountDue: Int64
    let amountPaid: Int64
    let created: Int64
    let subscriptionID: String?
    let customer: String?
    let tenantID: String?
    /// Credits bought outright (`metadata.credits`), else nil.
    let purchasedCredits: Int64?
    /// Prices of the lines, to find the package whose credits a paid invoice grants.
    let linePriceIDs: [String]

    /// Nil when the invoice has no id (an upcoming invoice).
    init?(_ object: [String: Any]) {
        guard let id = object.string("id"), !id.isEmpty else { return nil }
        self.id = id
        status = object.string("status") ?? "draft"
        currency = object.string("currency") ?? ""
        amountDue = object.int("amount_due") ?? 0
        amountPaid = object.int("amount_paid") ?? 0
        created = object.int("created") ?? 0
        subscriptionID =
            object.reference("parent.subscription_details.subscription")
            ?? object.reference("subscription")
        customer = object.reference("customer")
        tenantID =
            object.string("parent.subscription_details.metadata.tenant_id")
            ?? object.string("metadata.tenant_id")
        purchasedCredits = object.int("metadata.credits")
        linePriceIDs = object.listData("lines").compactMap {
            $0.string("pricing.price_details.price") ?? $0.reference("price")
        }
    }

    /// Invoices only move forward: draft → open → uncollectible → paid or void.
    static func rank(of status: String) -> Int64 {
        switch status {
        case "draft": 0
        case "open": 1
        case "uncollectible": 2
        case "paid", "void": 3
        default: 0
        }
    }
}
