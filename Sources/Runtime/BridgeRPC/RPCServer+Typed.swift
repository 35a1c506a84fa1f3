import ProtoBridge

extension RPCServer {
    /// Registers a handler of a contract method; undecodable requests get INVALID_ARGUMENT.
    public func register<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        _ handler: @escaping @Sendable (Request, CallContext) throws -> Response
    ) {
        register(method.name) { bytes, context in
            let request: Request
            do {
                request = try Request(serialized: bytes)
            } catch {
                throw RPCError(.invalidArgument, "\(error)")
            }
            return try handler(request, context).serialized()
        }
    }
}
