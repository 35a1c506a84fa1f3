import BridgeLog
import BridgeRPC
import Foundation
import XCTest

/// A fresh temp directory with a socket path inside, removed by `tearDown`.
final class RPCTestHarness {
    let directory: URL
    let socketPath: String
    private var servers: [RPCServer] = []
    private var clients: [RPCClient] = []

    init() throws {
        // Short on purpose: sockaddr_un paths are limited to 107 bytes.
        let name = "rpc-" + UUID().uuidString.prefix(8).lowercased()
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socketPath = directory.appendingPathComponent("s.sock").path
    }

    static let quietLogger = Logger(label: "rpc-test", level: .critical)

    /// A started server with an `Echo` method and whatever `configure` registers.
    func startServer(
        limits: RPCServer.Limits = .init(), maxFrameBytes: Int = 4 << 20, workers: Int = 4,
        configure: (RPCServer) -> Void = { _ in }
    ) throws -> RPCServer {
        let server = RPCServer(
            socketPath: socketPath, serviceName: "test-service", logger: Self.quietLogger,
            maxFrameBytes: maxFrameBytes, workers: workers, limits: limits)
        server.register("/test.v1.Test/Echo") { bytes, _ in bytes }
        configure(server)
        try server.start()
        servers.append(server)
        return server
    }

    func client(caller: String = "tests") -> RPCClient {
        let client = RPCClient(socketPath: socketPath, caller: caller)
        clients.append(client)
        return client
    }

    func tearDown() {
        clients.forEach { $0.close() }
        servers.forEach { $0.stop() }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Asserts that `body` throws an `RPCError` with `code`, and returns it.
@discardableResult
func assertRPCError(
    _ code: StatusCode, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) -> RPCError? {
    do {
        try body()
        XCTFail("expected \(code.name), but the call succeeded", file: file, line: line)
    } catch let error as RPCError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected an RPCError \(code.name), got \(error)", file: file, line: line)
    }
    return nil
}

/// Socket files as a crashed process leaves them.
enum UnixSocketFile {
    /// Binds a socket at `path` and closes it without unlinking: a stale socket file.
    static func bindOrphan(at path: String) throws -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8) + [0]
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return bound == 0
    }
}
