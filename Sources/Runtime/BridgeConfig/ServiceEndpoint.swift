/// Where one service listens and keeps its data; both paths are absolute.
public struct ServiceEndpoint: Sendable, Equatable {
    public var socketPath: String
    public var databasePath: String

    public init(socketPath: String, databasePath: String) {
        self.socketPath = socketPath
        self.databasePath = databasePath
    }

    /// `sun_path` holds 108 bytes including the terminating NUL on Linux (104 on macOS).
    static let maxSocketPathBytes = 103

    init(_ reader: ConfigReader, directory: String) throws {
        let socketKey = reader.child("socket")
        socketPath = try socketKey.path(relativeTo: directory)
        guard socketPath.utf8.count <= Self.maxSocketPathBytes else {
            throw socketKey.invalid(
                "a socket path of at most \(Self.maxSocketPathBytes) bytes once resolved; "
                    + "move the run directory",
                got: socketPath
            )
        }
        databasePath = try reader.child("database").path(relativeTo: directory)
    }
}
