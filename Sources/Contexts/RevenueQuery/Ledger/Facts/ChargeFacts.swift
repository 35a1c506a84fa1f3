/// What the ledger needs from a Stripe Charge. Money is received when the charge succeeded
/// and was captured; refunds show up here as `amountRefunded` (partial refunds included).
public struct ChargeFacts: Sendable, Equatable {
    public var id: String
    public var status: String?
    public var captured: Bool
    public var amountCaptured: Int64
    public var amountRefunded: Int64
    public var currency: String?
    public var customer: String?
    public var paymentIntent: String?
    public var billingEmail: String?
    public var receiptEmail: String?
    public var created: Int64?
    public var disputed: Bool

    public var succeeded: Bool { status == "succeeded" }
    /// Money was taken: the charge succeeded and was captured.
    public var receivedMoney: Bool { succeeded && captured }
    /// The payment this charge belongs to: its PaymentIntent, or itself for a legacy charge.
    public var paymentKey: String { paymentIntent ?? id }
}

extension ChargeFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, status, captured, currency, customer, created, disputed
        case amountCaptured = "amount_captured"
        case amountRefunded = "amount_refunded"
        case paymentIntent = "payment_intent"
        case billingDetails = "billing_details"
        case receiptEmail = "receipt_email"
    }

    private enum BillingKeys: String, CodingKey {
        case email
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        status = try object.decodeIfPresent(String.self, forKey: .status)
        captured = try object.decodeIfPresent(Bool.self, forKey: .captured) ?? false
        amountCaptured = try object.decodeIfPresent(Int64.self, forKey: .amountCaptured) ?? 0
        amountRefunded = try object.decodeIfPresent(Int64.self, forKey: .amountRefunded) ?? 0
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        customer = try object.referenceIfPresent(forKey: .customer)
        paymentIntent = try object.referenceIfPresent(forKey: .paymentIntent)
        billingEmail = try object.nestedIfPresent(keyedBy: BillingKeys.self, forKey: .billingDetails)?
            .decodeIfPresent(String.self, forKey: .email)
        receiptEmail = try object.decodeIfPresent(String.self, forKey: .receiptEmail)
        created = try object.decodeIfPresent(Int64.self, forKey: .created)
        disputed = try object.decodeIfPresent(Bool.self, forKey: .disputed) ?? false
    }
}
