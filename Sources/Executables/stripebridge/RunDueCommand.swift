import BridgeConfig
import BridgeRPC
import Contracts
import Foundation

/// `stripebridge run-due [--all] [--config PATH]`: the daily job once, for every business whose
/// slot has passed (or every linked business with `--all`); waits for the runs and prints them.
struct RunDueCommand {
    var all = false
    var configPath = ProcessInfo.processInfo.environment["STRIPEBRIDGE_CONFIG"] ?? "services.yaml"

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--all": all = true
            case "--config":
                guard let value = rest.popFirst() else { throw UsageError("--config needs a path") }
                configPath = value
            default: throw UsageError("unknown option \(flag)")
            }
        }
    }

    func run() throws {
        let config = try ServicesConfig.load(path: configPath)
        let client = RPCClient(socketPath: try config.endpoint("sync_engine").socketPath, caller: "stripebridge-cli")
        defer { client.close() }
        let answer = try client.call(
            SyncV1.SyncEngine.runDue, .init(all: all, wait: true), timeout: .seconds(3_600)
        )
        if answer.jobs.isEmpty { print("No business is due.") }
        for job in answer.jobs {
            let failed = job.error.isEmpty ? "" : " (\(job.error))"
            print("job \(job.id) business \(job.businessId): \(job.state)\(failed)")
        }
        if answer.jobs.contains(where: { $0.state != "succeeded" }) { throw UsageError("some runs did not succeed") }
    }
}
