import BridgeRPC
import Contracts
import Foundation

/// The whole system on one machine: the Stripe emulator on a dataset and the four services,
/// each its own process with its own SQLite file, all inside one folder.
///
/// `@unchecked Sendable`: the process table is only changed by the thread driving the cluster.
public final class LocalCluster: @unchecked Sendable {
    /// The four services by their `services.yaml` key and executable name.
    public static let services = [
        ("revenue_query", "revenue-query"), ("sync_engine", "sync-engine"),
        ("connect_auth", "connect-auth"), ("platform_billing", "platform-billing"),
    ]

    public let folder: URL
    public let binaries: URL
    public let environment: [String: String]
    public private(set) var stripeBase = ""
    public private(set) var emulator: ChildProcess?
    public private(set) var processes: [String: ChildProcess] = [:]
    /// Remove `folder` (databases, sockets, logs) once everything is stopped.
    public var removesFolderOnStop = false

    /// `binaries` holds the built executables; `environment` supplies the secrets.
    public init(folder: URL, binaries: URL, environment: [String: String]) {
        self.folder = folder
        self.binaries = binaries
        self.environment = environment
    }

    public var configPath: String { folder.appendingPathComponent("services.yaml").path }

    public func socketPath(_ service: String) -> String {
        folder.appendingPathComponent("run/\(service.replacingOccurrences(of: "_", with: "-")).sock").path
    }

    public func databasePath(_ service: String) -> String {
        folder.appendingPathComponent("data/\(service.replacingOccurrences(of: "_", with: "-")).sqlite").path
    }

    /// Starts the emulator on `dataset`, writes the configuration, then starts every service
    /// and waits until each answers Health.
    public func start(dataset: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try startEmulator(dataset: dataset)
        try ClusterConfig.write(to: configPath, stripeBase: stripeBase)
        for (service, _) in Self.services {
            try startService(service)
        }
    }

    private func startEmulator(dataset: String) throws {
        let emulator = try ChildProcess(
            name: "stripe-emulator", executable: binaries.appendingPathComponent("stripe-emulator"),
            arguments: ["--dataset", dataset], environment: environment,
            logPath: folder.appendingPathComponent("stripe-emulator.log").path, captureOutput: true
        )
        self.emulator = emulator
        guard let line = emulator.waitForLine(prefix: "stripe-emulator listening on "),
            let url = line.split(separator: " ").last
        else {
            throw ClusterError("the Stripe emulator did not start; see \(emulator.logDescription)")
        }
        stripeBase = String(url)
    }

    /// Starts one service (again) and waits until it answers Health.
    public func startService(_ service: String, timeout: TimeInterval = 30) throws {
        guard let executable = Self.services.first(where: { $0.0 == service })?.1 else {
            throw ClusterError("no service named \(service)")
        }
        var env = environment
        env["STRIPEBRIDGE_CONFIG"] = configPath
        let process = try ChildProcess(
            name: executable, executable: binaries.appendingPathComponent(executable),
            arguments: [], environment: env, logPath: folder.appendingPathComponent("\(executable).log").path
        )
        processes[service] = process
        try process.waitUntilServing(socketPath: socketPath(service), timeout: timeout)
    }

    /// Stops one service with SIGTERM (or SIGKILL when `crash` is set).
    public func stopService(_ service: String, crash: Bool = false) {
        guard let process = processes.removeValue(forKey: service) else { return }
        crash ? process.kill9() : process.stop()
    }

    public func client(_ service: String, caller: String = "stripebridge-cli") -> RPCClient {
        RPCClient(socketPath: socketPath(service), caller: caller)
    }

    /// Stops everything it started, services first.
    public func stop() {
        for (service, _) in Self.services.reversed() { stopService(service) }
        emulator?.stop()
        emulator = nil
        if removesFolderOnStop { try? FileManager.default.removeItem(at: folder) }
    }

    deinit { stop() }
}

/// A cluster that could not be started, naming the log to read.
public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
