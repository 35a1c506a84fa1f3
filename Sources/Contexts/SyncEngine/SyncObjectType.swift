/// The Stripe object types SyncEngine mirrors, in the order a run lists them.
///
/// InvoicePayments come before invoices: a paid invoice seen without its InvoicePayments would
/// be keyed by its own id until they arrive, and its PaymentIntent would count separately.
public enum SyncObjectType: String, Sendable, CaseIterable {
    case customer
    case product
    case price
    case paymentIntent = "payment_intent"
    case charge
    case invoicePayment = "invoice_payment"
    case invoice
    case checkoutSession = "checkout.session"
    case refund
    case dispute

    /// The list endpoint, relative to the API base.
    public var listPath: String {
        switch self {
        case .customer: "/v1/customers"
        case .product: "/v1/products"
        case .price: "/v1/prices"
        case .paymentIntent: "/v1/payment_intents"
        case .charge: "/v1/charges"
        case .invoice: "/v1/invoices"
        case .invoicePayment: "/v1/invoice_payments"
        case .checkoutSession: "/v1/checkout/sessions"
        case .refund: "/v1/refunds"
        case .dispute: "/v1/disputes"
        }
    }

    /// Query items every list of this type carries: checkout sessions come with what they sold.
    public var listQuery: [(String, String)] {
        self == .checkoutSession ? [("expand[]", "data.line_items")] : []
    }

    /// Stripe's `object` value of this type.
    public var objectName: String { rawValue }
}
