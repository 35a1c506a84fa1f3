/// The few top-level fields every Stripe object carries that a mirror needs to file it.
public struct StripeObjectHead: Decodable, Sendable, Equatable {
    public let id: String
    /// Stripe's `object` value, e.g. "charge" or "checkout.session".
    public let object: String
    public let created: Int64?
    /// Present and true on deleted objects (e.g. a deleted customer).
    public let deleted: Bool?

    public init(id: String, object: String, created: Int64?, deleted: Bool?) {
        self.id = id
        self.object = object
        self.created = created
        self.deleted = deleted
    }
}
