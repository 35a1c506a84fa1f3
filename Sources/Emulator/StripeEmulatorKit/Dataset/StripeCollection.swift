/// The list endpoints the emulator serves, with their dataset key, URL and object type.
public enum StripeCollection: String, CaseIterable, Sendable, Hashable {
    case customers
    case products
    case prices
    case paymentIntents = "payment_intents"
    case charges
    case invoices
    case invoicePayments = "invoice_payments"
    case checkoutSessions = "checkout_sessions"
    case refunds
    case disputes
    case events

    /// The key of this collection inside a dataset account (`"checkout_sessions"`).
    public var datasetKey: String { rawValue }

    /// The list URL (`"/v1/checkout/sessions"`).
    public var path: String {
        switch self {
        case .checkoutSessions: "/v1/checkout/sessions"
        default: "/v1/" + rawValue
        }
    }

    /// The `object` field of its members (`"checkout.session"`).
    public var objectType: String {
        switch self {
        case .customers: "customer"
        case .products: "product"
        case .prices: "price"
        case .paymentIntents: "payment_intent"
        case .charges: "charge"
        case .invoices: "invoice"
        case .invoicePayments: "invoice_payment"
        case .checkoutSessions: "checkout.session"
        case .refunds: "refund"
        case .disputes: "dispute"
        case .events: "event"
        }
    }

    public init?(objectType: String) {
        guard let found = Self.allCases.first(where: { $0.objectType == objectType }) else { return nil }
        self = found
    }

    /// The collection whose list URL is exactly `path`.
    public init?(path: String) {
        guard let found = Self.allCases.first(where: { $0.path == path }) else { return nil }
        self = found
    }
}
