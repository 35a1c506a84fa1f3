import ProtoBridge

extension RPCClient {
    /// Calls a contract method and decodes its answer.
    public func call<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        _ request: Request,
        timeout: Duration = .seconds(10),
        metadata: [String: String] = [:]
    ) throws -> Response {
        let bytes = try call(method.name, request.serialized(), timeout: timeout, metadata: metadata)
        do {
            return try Response(serialized: bytes)
        } catch {
            throw RPCError(.internal, "the answer of \(method.name) could not be decoded", cause: "\(error)")
        }
    }
}
