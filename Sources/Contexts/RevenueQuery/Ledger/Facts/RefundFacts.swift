/// What the ledger keeps of a Stripe Refund.
///
/// Refunded amounts are taken from `charge.amount_refunded` (the charge is updated with every
/// refund, and a refund may be seen only there); Refund objects are held for reference and do
/// not change any total.
public struct RefundFacts: Sendable, Equatable {
    public var id: String
    public var charge: String?
    public var paymentIntent: String?
    public var amount: Int64
    public var currency: String?
    public var status: String?
    public var created: Int64?
}

extension RefundFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, charge, amount, currency, status, created
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
        created = try object.decodeIfPresent(Int64.self, forKey: .created)
    }
}
