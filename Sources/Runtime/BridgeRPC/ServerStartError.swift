/// Why a server could not start serving on its socket path.
public struct ServerStartError: Error, Sendable, CustomStringConvertible {
    public let socketPath: String
    public let reason: String

    public var description: String { "cannot serve on \(socketPath): \(reason)" }
}
