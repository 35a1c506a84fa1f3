/// The reverse links of one ledger: which held objects point at a payment key, an invoice, a
/// charge or an email. They let the ledger recompute only the payments a change touches.
struct LedgerLinks: Sendable, Equatable {
    /// `payment_intent ?? id` → charge ids.
    var chargesByKey = LinkIndex()
    /// `payment.payment_intent ?? payment.charge` → InvoicePayment ids.
    var invoicePaymentsByKey = LinkIndex()
    var invoicePaymentsByInvoice = LinkIndex()
    var sessionsByIntent = LinkIndex()
    var sessionsByInvoice = LinkIndex()
    var disputesByIntent = LinkIndex()
    var disputesByCharge = LinkIndex()
    /// Normalised email → customer ids.
    var customersByEmail = LinkIndex()

    mutating func insert(_ facts: StripeObjectFacts) {
        update(facts, inserting: true)
    }

    mutating func remove(_ facts: StripeObjectFacts) {
        update(facts, inserting: false)
    }

    private mutating func update(_ facts: StripeObjectFacts, inserting: Bool) {
        func link(_ index: inout LinkIndex, _ id: String?) {
            if inserting {
                index.insert(facts.id, under: id)
            } else {
                index.remove(facts.id, under: id)
            }
        }
        switch facts {
        case .customer(let customer): link(&customersByEmail, EmailAddress.normalize(customer.email))
        case .charge(let charge): link(&chargesByKey, charge.paymentKey)
        case .invoicePayment(let payment):
            link(&invoicePaymentsByKey, payment.paymentIntent ?? payment.charge)
            link(&invoicePaymentsByInvoice, payment.invoice)
        case .checkoutSession(let session):
            link(&sessionsByIntent, session.paymentIntent)
            link(&sessionsByInvoice, session.invoice)
        case .dispute(let dispute):
            link(&disputesByIntent, dispute.paymentIntent)
            link(&disputesByCharge, dispute.charge)
        case .paymentIntent, .invoice, .refund: break
        }
    }
}
