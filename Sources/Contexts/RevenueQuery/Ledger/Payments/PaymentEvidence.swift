/// Everything held that points at one payment key, gathered before amounts are chosen.
/// Lists are sorted by id so that the result never depends on arrival order.
struct PaymentEvidence {
    let key: String
    /// The PaymentIntent whose id is the key, in any status.
    var paymentIntent: PaymentIntentFacts?
    /// Succeeded charges whose `payment_intent ?? id` is the key.
    var charges: [ChargeFacts] = []
    var invoices: [InvoiceFacts] = []
    var invoicePayments: [InvoicePaymentFacts] = []
    var sessions: [CheckoutSessionFacts] = []
    var lostDisputes: [DisputeFacts] = []

    init(key: String) {
        self.key = key
    }

    mutating func sortById() {
        charges.sort { $0.id < $1.id }
        invoices.sort { $0.id < $1.id }
        invoicePayments.sort { $0.id < $1.id }
        sessions.sort { $0.id < $1.id }
        lostDisputes.sort { $0.id < $1.id }
    }

    var sources: PaymentSources {
        var sources = PaymentSources()
        sources.paymentIntent = paymentIntent?.id
        sources.charges = charges.map(\.id)
        sources.invoices = invoices.map(\.id)
        sources.invoicePayments = invoicePayments.map(\.id)
        sources.checkoutSessions = sessions.map(\.id)
        return sources
    }
}
