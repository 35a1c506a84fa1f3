/// What the ledger needs from a Stripe PaymentIntent. Money is received when `status` is
/// `succeeded`; the amount is `amountReceived`.
public struct PaymentIntentFacts: Sendable, Equatable {
    public var id: String
    public var status: String?
    public var amountReceived: Int64
    public var currency: String?
    public var customer: String?
    public var receiptEmail: String?
    public var latestCharge: String?
    public var created: Int64?

    public var succeeded: Bool { status == "succeeded" }
}

extension PaymentIntentFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, status, currency, customer, created
        case amountReceived = "amount_received"
        case receiptEmail = "receipt_email"
        case latestCharge = "latest_charge"
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        status = try object.decodeIfPresent(String.self, forKey: .status)
        amountReceived = try object.decodeIfPresent(Int64.self, forKey: .amountReceived) ?? 0
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        customer = try object.referenceIfPresent(forKey: .customer)
        receiptEmail = try object.decodeIfPresent(String.self, forKey: .receiptEmail)
        latestCharge = try object.referenceIfPresent(forKey: .latestCharge)
        created = try object.decodeIfPresent(Int64.self, forKey: .created)
    }
}
