/// A method of a service contract: its full name (`/package.Service/Method`) and the message
/// types it takes and returns.
public struct RPCMethod<Request: ProtoMessage, Response: ProtoMessage>: Sendable {
    public let name: String

    public init(name: String) {
        self.name = name
    }
}
