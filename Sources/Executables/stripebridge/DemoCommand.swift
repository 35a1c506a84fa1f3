import Contracts
import Foundation
import LocalCluster

/// `stripebridge demo`: generates a dataset, starts the emulator and the four services,
/// connects a business through OAuth, syncs it, prints a revenue report, and stops everything.
struct DemoCommand {
    var customers = 2_000
    var seed: UInt64 = 42
    var folder: URL
    /// A folder the user named is kept; the default temporary one is removed after a good run.
    var keepFolder = false

    init(arguments: [String]) throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("stripebridge-demo-\(getpid())")
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
            switch flag {
            case "--customers":
                guard let n = Int(value), n > 0 else { throw UsageError("--customers must be a positive integer") }
                customers = n
            case "--seed":
                guard let n = UInt64(value) else { throw UsageError("--seed must be a non-negative integer") }
                seed = n
            case "--folder":
                folder = URL(fileURLWithPath: value)
                keepFolder = true
            default: throw UsageError("unknown option \(flag)")
            }
        }
    }

    func run(binaries: URL) throws {
        let business = "biz_demo"
        let environment = DemoSecrets.environment()
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.isEmpty else {
            throw UsageError("\(folder.path) is not empty; the demo needs a fresh folder (or none: it makes one)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        Interruption.install(removing: keepFolder ? nil : folder, notice: "\nStopping the demo's services…")
        say("Generating a Stripe dataset of \(customers) customers (seed \(seed))…")
        let generated = try GeneratedDataset.generate(
            binaries: binaries, into: folder, customers: customers, seed: seed)
        let cluster = LocalCluster(folder: folder, binaries: binaries, environment: environment)
        defer { cluster.stop() }
        say("Starting the Stripe emulator and the four services in \(folder.path)…")
        try cluster.start(dataset: generated.path)
        let flow = DemoFlow(cluster: cluster)

        let linked = try flow.connect(business: business)
        guard linked.connected else { throw UsageError("connecting failed: \(linked.reason)") }
        say("Connected \(business) to \(linked.stripeAccountId) (\"\(linked.accountName)\").")
        say("  the user lands on \(linked.redirectUrl)")

        let started = Date()
        let job = try flow.syncAndWait(business: business)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        say("Sync job \(job.id) \(job.state) in \(seconds) s:")
        say("  " + job.types.map { "\($0.objectType) \($0.count)" }.joined(separator: ", "))

        let report = try RevenueReport(flow: flow, business: business)
        say(report.render())
        let check = try ExpectedCheck(expected: generated.expected, account: linked.stripeAccountId)
        say(check.compare(with: report))
        guard check.matches(report) else {
            throw UsageError("the figures differ from the generator's totals; logs are in \(folder.path)")
        }
        cluster.stop()
        if !keepFolder { try? FileManager.default.removeItem(at: folder) }
    }

    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
