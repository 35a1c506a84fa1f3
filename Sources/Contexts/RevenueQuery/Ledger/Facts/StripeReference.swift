/// A Stripe field that holds either an object id (`"cus_123"`) or, when the request asked for
/// `expand[]`, the whole object. Only the id is kept.
struct StripeReference: Decodable, Sendable {
    let id: String

    private enum CodingKeys: String, CodingKey {
        case id
    }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let id = try? single.decode(String.self) {
            self.id = id
            return
        }
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
    }
}

extension KeyedDecodingContainer {
    /// The id behind an id-or-expanded-object field; nil when the field is missing, null or "".
    func referenceIfPresent(forKey key: Key) throws -> String? {
        guard let id = try decodeIfPresent(StripeReference.self, forKey: key)?.id else {
            return nil
        }
        return id.isEmpty ? nil : id
    }
}
