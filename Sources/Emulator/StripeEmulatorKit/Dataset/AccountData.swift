/// One connected account in a dataset: its account object and its objects, in file order.
public struct AccountData: Sendable {
    public var account: StoredObject
    public var objects: [StripeCollection: [StoredObject]]

    public init(account: StoredObject, objects: [StripeCollection: [StoredObject]] = [:]) {
        self.account = account
        self.objects = objects
    }

    /// An account with a minimal Stripe account object and no data.
    public static func empty(id: String, name: String? = nil) -> AccountData {
        AccountData(account: AccountObjectFactory.minimal(id: id, name: name))
    }

    public subscript(collection: StripeCollection) -> [StoredObject] {
        get { objects[collection] ?? [] }
        set { objects[collection] = newValue }
    }

    /// Appends in place (the subscript's get-then-set would copy the whole array).
    public mutating func append(_ object: StoredObject, to collection: StripeCollection) {
        objects[collection, default: []].append(object)
    }
}
