/// The Stripe objects that point at one payment, by id, each list sorted.
public struct PaymentSources: Sendable, Equatable {
    /// The PaymentIntent whose id is the payment key, when it is held.
    public var paymentIntent: String?
    /// Succeeded charges of the payment.
    public var charges: [String] = []
    /// Paid invoices that were paid by this payment.
    public var invoices: [String] = []
    /// Paid InvoicePayments that link those invoices to this payment.
    public var invoicePayments: [String] = []
    /// Complete, paid Checkout Sessions that led to this payment.
    public var checkoutSessions: [String] = []

    public init() {}
}
