import Foundation

/// The facts of one Stripe object the ledger cares about, read from its raw JSON.
public enum StripeObjectFacts: Sendable, Equatable {
    case customer(CustomerFacts)
    case paymentIntent(PaymentIntentFacts)
    case charge(ChargeFacts)
    case invoice(InvoiceFacts)
    case invoicePayment(InvoicePaymentFacts)
    case checkoutSession(CheckoutSessionFacts)
    case refund(RefundFacts)
    case dispute(DisputeFacts)

    /// The Stripe `object` values the ledger reads; every other type is ignored.
    public static let knownObjectTypes: Set<String> = [
        "customer", "payment_intent", "charge", "invoice", "invoice_payment",
        "checkout.session", "refund", "dispute",
    ]

    /// Reads the facts of a Stripe object from its raw JSON bytes.
    ///
    /// - Parameter objectType: Stripe's `object` value, e.g. `"checkout.session"`.
    /// - Returns: nil for an object type the ledger does not use.
    /// - Throws: `FactsDecodingError` when the JSON is unreadable, has no `id`, or a field has
    ///   the wrong type. Missing or null optional fields are not errors.
    public static func decode(objectType: String, json: [UInt8]) throws -> StripeObjectFacts? {
        let data = Data(json)
        let facts: StripeObjectFacts
        do {
            switch objectType {
            case "customer": facts = .customer(try decode(data))
            case "payment_intent": facts = .paymentIntent(try decode(data))
            case "charge": facts = .charge(try decode(data))
            case "invoice": facts = .invoice(try decode(data))
            case "invoice_payment": facts = .invoicePayment(try decode(data))
            case "checkout.session": facts = .checkoutSession(try decode(data))
            case "refund": facts = .refund(try decode(data))
            case "dispute": facts = .dispute(try decode(data))
            default: return nil
            }
        } catch let error as DecodingError {
            throw FactsDecodingError(objectType: objectType, decodingError: error)
        } catch {
            throw FactsDecodingError(objectType: objectType, fieldPath: "", reason: "not valid JSON")
        }
        guard !facts.id.isEmpty else {
            throw FactsDecodingError(objectType: objectType, fieldPath: "id", reason: "id is empty")
        }
        return facts
    }

    private static func decode<Facts: Decodable>(_ data: Data) throws -> Facts {
        try JSONDecoder().decode(Facts.self, from: data)
    }

    /// Stripe's `object` value for these facts.
    public var objectType: String {
        switch self {
        case .customer: "customer"
        case .paymentIntent: "payment_intent"
        case .charge: "charge"
        case .invoice: "invoice"
        case .invoicePayment: "invoice_payment"
        case .checkoutSession: "checkout.session"
        case .refund: "refund"
        case .dispute: "dispute"
        }
    }

    /// The Stripe id of the object.
    public var id: String {
        switch self {
        case .customer(let facts): facts.id
        case .paymentIntent(let facts): facts.id
        case .charge(let facts): facts.id
        case .invoice(let facts): facts.id
        case .invoicePayment(let facts): facts.id
        case .checkoutSession(let facts): facts.id
        case .refund(let facts): facts.id
        case .dispute(let facts): facts.id
        }
    }
}
