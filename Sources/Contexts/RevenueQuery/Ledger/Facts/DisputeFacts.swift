/// What the ledger needs from a Stripe Dispute. Only a `lost` dispute takes money away.
public struct DisputeFacts: Sendable, Equatable {
    public var id: String
    public var charge: String?
    public var paymentIntent: String?
    public var amount: Int64
    public var currency: String?
    public var status: String?

    public var lost: Bool { status == "lost" }
}

extension DisputeFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, charge, amount, currency, status
        case paymentIntent = "payment_intent"
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        charge = try object.referenceIfPresent(forKey: .charge)
        paymentIntent = try object.referenceIfPresent(forKey: .paymentIntent)
        amount = try object.decodeIfPresent(Int64.self, forKey: .amount) ?? 0
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        status = try object.decodeIfPresent(String.self, forKey: .status)
    }
}
