/// What the ledger needs from a Stripe Customer: the email its payments are grouped under.
///
/// A deleted customer (`{"id": …, "deleted": true}`) arrives without an email; the ledger keeps
/// the email it already held so the customer's history stays attributed.
public struct CustomerFacts: Sendable, Equatable {
    public var id: String
    public var email: String?
    public var name: String?
    public var deleted: Bool
}

extension CustomerFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, email, name, deleted
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        email = try object.decodeIfPresent(String.self, forKey: .email)
        name = try object.decodeIfPresent(String.self, forKey: .name)
        deleted = try object.decodeIfPresent(Bool.self, forKey: .deleted) ?? false
    }
}
