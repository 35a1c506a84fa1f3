import BridgeLog
import BridgeStore
import Contracts
import Foundation
import SyncEngine
import StripeClient

// sync-bench: how fast SyncEngine mirrors an account from the Stripe emulator into SQLite and
// its outbox, and how much memory it needs doing so. The emulator and the dataset generator run
// as their own processes, so the figures are SyncEngine's alone.
//
//   sync-bench [--customers N] [--seed S]      (about 10 Stripe objects per customer)

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
let customers = option("--customers", 10_000)
let seed = option("--seed", 1)
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sync-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let dataset = folder.appendingPathComponent("dataset.json").path
let started = Date()
try BenchProcess.run(binaries, "stripe-dataset", ["--customers", "\(customers)", "--seed", "\(seed)", "--out", dataset])
print("dataset: \(customers) customers generated in \(BenchProcess.seconds(since: started)) s")

let key = "sk_test_bench"
let emulator = try BenchProcess.emulator(binaries, dataset: dataset, key: key)
defer { emulator.terminate() }

let logger = Logger(label: "sync-bench", level: .warning)
let database = try Database(path: folder.appendingPathComponent("sync-engine.sqlite").path, logger: logger)
var settings = StripeClientSettings(
    apiBase: emulator.baseURL, connectBase: emulator.baseURL, apiVersion: "2026-07-29.dahlia", secretKey: key
)
settings.requestsPerSecond = 10_000
settings.accountRequestsPerSecond = 10_000
let service = try SyncService(
    database: database, client: StripeClient(settings: settings, logger: logger), logger: logger,
    overlapSeconds: 3_600, maxConcurrentRuns: 1, relay: nil,
    schedule: SyncSchedule(hour: 3, minute: 0, spreadMinutes: 0)
)
_ = try service.linkChanged(.init(businessId: "bench", stripeAccountId: emulator.account, messageId: "bench"))

let syncStarted = Date()
let job = try service.sync(.init(businessId: "bench", trigger: .manual), context: .init(method: "bench"))
var finished = try service.getJob(.init(jobId: job.job?.id ?? 0)).job
while finished?.state == "running" {
    Thread.sleep(forTimeInterval: 0.05)
    finished = try service.getJob(.init(jobId: job.job?.id ?? 0)).job
}
let elapsed = Date().timeIntervalSince(syncStarted)
let objects = finished?.types.reduce(0) { $0 + $1.count } ?? 0
let outbox = try database.queryOne("SELECT COUNT(*) FROM outbox") { $0.int(0) } ?? 0
print("sync: \(finished?.state ?? "?") — \(objects) objects in \(String(format: "%.2f", elapsed)) s")
print("throughput: \(Int(Double(objects) / elapsed)) objects/s (Stripe JSON → SQLite mirror + outbox, \(outbox) outbox batches)")
print("peak resident memory of the syncing process: \(BenchProcess.peakResidentMegabytes()) MB")
