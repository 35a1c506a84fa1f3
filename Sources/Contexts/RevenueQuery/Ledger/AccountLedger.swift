/// The Stripe facts of one business (one connected account and mode), keyed by object id, and
/// the payments they add up to.
///
/// `payments()` recomputes every payment from every held object, in O(objects). The service
/// keeps ledgers small: it loads into one only the objects a change can reach (see
/// `DerivedStore`), so this stays cheap however large the business.
///
/// It does not hold more than one business: build one ledger per account so that no payment
/// of one business can ever be attributed through another.
public struct AccountLedger: Sendable, Equatable {
    public private(set) var customers: [String: CustomerFacts] = [:]
    public private(set) var paymentIntents: [String: PaymentIntentFacts] = [:]
    public private(set) var charges: [String: ChargeFacts] = [:]
    public private(set) var invoices: [String: InvoiceFacts] = [:]
    public private(set) var invoicePayments: [String: InvoicePaymentFacts] = [:]
    public private(set) var checkoutSessions: [String: CheckoutSessionFacts] = [:]
    public private(set) var refunds: [String: RefundFacts] = [:]
    public private(set) var disputes: [String: DisputeFacts] = [:]

    public init() {}

    /// Number of objects held, all types together.
    public var objectCount: Int {
        customers.count + paymentIntents.count + charges.count + invoices.count
            + invoicePayments.count + checkoutSessions.count + refunds.count + disputes.count
    }

    /// Stores the newest facts of an object, replacing what was held under its id.
    ///
    /// Customers are the exception: a deleted customer keeps the email and name it had, in
    /// whichever order the deleted and the live snapshot arrive. Use this, not `remove`, for a
    /// `customer.deleted` event so the customer's payments stay attributed.
    public mutating func upsert(_ facts: StripeObjectFacts) {
        store(facts)
    }

    private mutating func store(_ facts: StripeObjectFacts) {
        switch facts {
        case .customer(let customer):
            customers[customer.id] = customer.merged(keeping: customers[customer.id])
        case .paymentIntent(let paymentIntent): paymentIntents[paymentIntent.id] = paymentIntent
        case .charge(let charge): charges[charge.id] = charge
        case .invoice(let invoice): invoices[invoice.id] = invoice
        case .invoicePayment(let payment): invoicePayments[payment.id] = payment
        case .checkoutSession(let session): checkoutSessions[session.id] = session
        case .refund(let refund): refunds[refund.id] = refund
        case .dispute(let dispute): disputes[dispute.id] = dispute
        }
    }

    /// Forgets an object entirely. Returns false when nothing was held under that type and id;
    /// unknown object types are ignored.
    @discardableResult
    public mutating func remove(objectType: String, id: String) -> Bool {
        return switch objectType {
        case "customer": customers.removeValue(forKey: id) != nil
        case "payment_intent": paymentIntents.removeValue(forKey: id) != nil
        case "charge": charges.removeValue(forKey: id) != nil
        case "invoice": invoices.removeValue(forKey: id) != nil
        case "invoice_payment": invoicePayments.removeValue(forKey: id) != nil
        case "checkout.session": checkoutSessions.removeValue(forKey: id) != nil
        case "refund": refunds.removeValue(forKey: id) != nil
        case "dispute": disputes.removeValue(forKey: id) != nil
        default: false
        }
    }

    /// The facts held under a type and id.
    public func held(type objectType: String, id: String) -> StripeObjectFacts? {
        switch objectType {
        case "customer": customers[id].map(StripeObjectFacts.customer)
        case "payment_intent": paymentIntents[id].map(StripeObjectFacts.paymentIntent)
        case "charge": charges[id].map(StripeObjectFacts.charge)
        case "invoice": invoices[id].map(StripeObjectFacts.invoice)
        case "invoice_payment": invoicePayments[id].map(StripeObjectFacts.invoicePayment)
        case "checkout.session": checkoutSessions[id].map(StripeObjectFacts.checkoutSession)
        case "refund": refunds[id].map(StripeObjectFacts.refund)
        case "dispute": disputes[id].map(StripeObjectFacts.dispute)
        default: nil
        }
    }

    /// One payment per payment key, sorted by key, by the de-duplication rule of the money
    /// model (see `PaymentAssembler`). Recomputed from all held objects on every call.
    public func payments() -> [Payment] {
        PaymentAssembler(ledger: self).payments()
    }
}
