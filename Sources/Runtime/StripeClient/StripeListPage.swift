/// One page of a Stripe list, newest object first.
public struct StripeListPage {
    public let objects: [[String: Any]]
    /// `rawObjects[i]` is the JSON text of `objects[i]`, byte for byte as Stripe sent it.
    public let rawObjects: [[UInt8]]
    public let hasMore: Bool
    public let requestID: String?

    public init(objects: [[String: Any]], rawObjects: [[UInt8]], hasMore: Bool, requestID: String?) {
        self.objects = objects
        self.rawObjects = rawObjects
        self.hasMore = hasMore
        self.requestID = requestID
    }
}
