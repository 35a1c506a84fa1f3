import BenchKit
import Foundation
import LocalCluster

/// The helper processes of the benchmark and the numbers it reads about itself. Each child's
/// output goes to a log in the benchmark's folder, or to this terminal's stderr when `verbose`.
enum BenchProcess {
    struct Emulator {
        let child: ChildProcess
        let baseURL: String
        let account: String
        func terminate() { child.stop() }
    }

    static func run(
        _ binaries: URL, _ name: String, _ arguments: [String], folder: URL, verbose: Bool
    ) throws {
        let child = try ChildProcess(
            name: name, executable: binaries.appendingPathComponent(name), arguments: arguments,
            environment: ProcessInfo.processInfo.environment, logPath: logPath(name, folder, verbose))
        let status = child.waitUntilExit()
        guard status == 0 else {
            throw BenchError("\(name) failed with status \(status)\(lastLine(of: child))")
        }
    }

    static func emulator(
        _ binaries: URL, dataset: String, key: String, folder: URL, verbose: Bool
    ) throws -> Emulator {
        let child = try ChildProcess(
            name: "stripe-emulator", executable: binaries.appendingPathComponent("stripe-emulator"),
            arguments: ["--dataset", dataset, "--secret-key", key, "--client-id", "ca_bench"],
            environment: ProcessInfo.processInfo.environment,
            logPath: logPath("stripe-emulator", folder, verbose), captureOutput: true)
        let prefix = "stripe-emulator listening on "
        guard let line = child.waitForLine(prefix: prefix) else {
            throw BenchError("the emulator did not start\(lastLine(of: child))")
        }
        // The generator's first account; reading the whole dataset here would skew the memory figure.
        return Emulator(child: child, baseURL: String(line.dropFirst(prefix.count)), account: "acct_demo")
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.1f", Date().timeIntervalSince(start))
    }

    private static func logPath(_ name: String, _ folder: URL, _ verbose: Bool) -> String? {
        verbose ? nil : folder.appendingPathComponent("\(name).log").path
    }

    /// The last line a failed child wrote to its log, to quote in the error.
    private static func lastLine(of child: ChildProcess) -> String {
        let log = child.logPath.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        return log.split(separator: "\n").last.map { ": \($0)" } ?? ""
    }
}
