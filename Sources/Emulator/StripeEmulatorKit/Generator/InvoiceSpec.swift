/// What an invoice the generator renders should say.
struct InvoiceSpec {
    var customer: GeneratedCustomer
    var price: GeneratedPrice
    var quantity: Int64
    var created: Int64
    /// draft, open or paid.
    var status: String
    var amountPaid: Int64
    var paidAt: Int64?
    var subscriptionID: String?
    var billingReason: String
    /// Overrides price × quantity (e.g. 0 for a trial's first invoice).
    var amountOverride: Int64?

    var amount: Int64 { amountOverride ?? price.unitAmount * quantity }
}
