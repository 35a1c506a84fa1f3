import BenchKit
import Foundation
import LocalCluster

/// The real `revenue-query` executable (found next to this binary), started on a prepared
/// folder, with its peak resident memory read from /proc. Its output goes to
/// `revenue-query.log` in that folder, so it never holds this benchmark's stdout open.
final class ServiceProcess {
    let child: ChildProcess
    let socketPath: String

    /// Writes `services.yaml` into `folder` and starts the service; returns once it answers Health.
    init(folder: URL, grantKey: String) throws {
        let config = folder.appendingPathComponent("services.yaml").path
        // The service reads only its own section; Stripe is never called by RevenueQuery.
        try ClusterConfig.write(to: config, stripeBase: "http://127.0.0.1:9")
        socketPath = folder.appendingPathComponent("run/revenue-query.sock").path
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("revenue-query")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchError("no revenue-query next to the benchmark at \(binary.path); build all products first")
        }
        child = try ChildProcess(
            name: "revenue-query", executable: binary, arguments: ["--config", config],
            environment: [
                "STRIPEBRIDGE_GRANT_KEY": grantKey, "STRIPEBRIDGE_LOG_LEVEL": "error",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
            ],
            logPath: folder.appendingPathComponent("revenue-query.log").path)
        try child.waitUntilServing(socketPath: socketPath, timeout: 120)
    }

    var processIdentifier: Int32 { child.processIdentifier }

    /// The service's peak resident memory so far, in bytes (0 when /proc cannot tell).
    var peakResidentBytes: Int { PeakMemory.bytes(ofProcess: child.processIdentifier) ?? 0 }

    func stop() { child.stop() }
}
