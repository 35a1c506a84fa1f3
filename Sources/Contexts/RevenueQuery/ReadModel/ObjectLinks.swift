/// The ids a stored object points at, as recorded in `object_links`: following them in both
/// directions from a changed object reaches every object its payments are assembled from.
enum ObjectLinks {
    /// Payment-side references: PaymentIntents, charges and invoices (never customers).
    static func paymentReferences(of facts: StripeObjectFacts) -> [String] {
        let ids: [String?] =
            switch facts {
            case .customer, .invoice: []
            case .paymentIntent(let intent): [intent.latestCharge]
            case .charge(let charge): [charge.paymentIntent]
            case .invoicePayment(let payment): [payment.paymentIntent, payment.charge, payment.invoice]
            case .checkoutSession(let session): [session.paymentIntent, session.invoice]
            case .dispute(let dispute): [dispute.paymentIntent, dispute.charge]
            case .refund(let refund): [refund.paymentIntent, refund.charge]
            }
        return ids.compactMap { $0 }.filter { !$0.isEmpty && $0 != facts.id }
    }

    /// The customer whose email the object's payment may be attributed to.
    static func customerReference(of facts: StripeObjectFacts) -> String? {
        let id: String? =
            switch facts {
            case .paymentIntent(let intent): intent.customer
            case .charge(let charge): charge.customer
            case .invoice(let invoice): invoice.customer
            case .checkoutSession(let session): session.customer
            default: nil
            }
        return id.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every id recorded for the object: payment-side references, then its customer.
    static func all(of facts: StripeObjectFacts) -> [String] {
        paymentReferences(of: facts) + (customerReference(of: facts).map { [$0] } ?? [])
    }
}
