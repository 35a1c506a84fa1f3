import BenchKit
import BridgeLog
import BridgeStore
import Contracts
import Foundation
import LocalCluster
import StripeClient
import SyncEngine

// sync-bench: how fast SyncEngine mirrors an account from the Stripe emulator into SQLite and
// its outbox, and how much memory it needs doing so. The emulator and the dataset generator run
// as their own processes, so the figures are SyncEngine's alone.
//
// 1. End to end: a full run from the emulator (HTTP, JSON, SQLite, outbox), streaming.
// 2. Ingest only: the same pages, already fetched, written into a fresh mirror and outbox —
//    the pipeline's own speed, which must stay above what Stripe can serve.
//
//   sync-bench [--customers N] [--seed S] [--skip-ingest] [--verbose]
//   (about 5.5 Stripe objects per customer; --verbose shows the emulator's and generator's logs)
//
// Prints each figure with its target and exits with status 1 when one is missed, 64 on a wrong
// argument, 70 when it could not measure, 130/143 when interrupted (children stopped, folder removed).

let commandLine = BenchCommandLine(
    program: "sync-bench", usage: "sync-bench [--customers N ≥ 1] [--seed S ≥ 0] [--skip-ingest] [--verbose]",
    options: ["--customers", "--seed"], flags: ["--skip-ingest", "--verbose"])
let customers = commandLine.integer("--customers", default: 10_000, minimum: 1)
let seed = commandLine.integer("--seed", default: 1, minimum: 0)
let verbose = commandLine.isSet("--verbose")
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sync-bench-\(getpid())")
Interruption.install(removing: folder, notice: "sync-bench: interrupted; stopping the emulator")
let targets = BenchTargets()
do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    let dataset = folder.appendingPathComponent("dataset.json").path
    let started = Date()
    try BenchProcess.run(
        binaries, "stripe-dataset", ["--customers", "\(customers)", "--seed", "\(seed)", "--out", dataset],
        folder: folder, verbose: verbose)
    print("dataset: \(customers) customers generated in \(BenchProcess.seconds(since: started)) s")

    let key = "sk_test_bench"
    let emulator = try BenchProcess.emulator(
        binaries, dataset: dataset, key: key, folder: folder, verbose: verbose)
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
    func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
    print("sync: \(finished?.state ?? "?") — \(objects) objects in \(seconds(elapsed)) s")
    let perSecond = Int(Double(objects) / elapsed)
    print("throughput: \(perSecond) objects/s (Stripe JSON → SQLite mirror + outbox, \(outbox) outbox batches)")
    let peakBytes = PeakMemory.bytes() ?? 0
    let memoryMet = targets.check("peak memory", met: peakBytes > 0 && peakBytes <= 150_000_000)
    print("peak resident memory of the syncing process: \(peakBytes / 1_000_000) MB (target ≤ 150 MB: \(memoryMet))")
    _ = targets.check("sync finished", met: finished?.state == "succeeded")

    // Phase 2 unless skipped; no early exit, so the emulator and the folder are cleaned up.
    if !commandLine.isSet("--skip-ingest") {
        // Phase 2: fetch every page first (kept as list bodies), then time decoding and writing only.
        let client = StripeClient(settings: settings, logger: logger)
        var bodies: [[UInt8]] = []
        for type in SyncObjectType.allCases {
            try client.list(type.listPath, account: emulator.account, prefetch: true) { page in
                let data = page.rawObjects.joined(separator: Array(",".utf8))
                let tail = Array("],\"has_more\":\(page.hasMore)}".utf8)
                bodies.append(Array(#"{"object":"list","data":["#.utf8) + data + tail)
            }
        }
        let ingestDatabase = try Database(path: folder.appendingPathComponent("ingest.sqlite").path, logger: logger)
        let writer = try MirrorWriter(database: ingestDatabase)
        try writer.link(businessID: "ingest", stripeAccountID: emulator.account, messageID: "ingest", now: 0)
        let ingestStarted = Date()
        var written = 0
        var decodeSeconds = 0.0
        for body in bodies {
            let decodeStarted = Date()
            let page = try StripeListPage(decoding: body)
            decodeSeconds += Date().timeIntervalSince(decodeStarted)
            written += try writer.write(page, businessID: "ingest", stripeAccountID: emulator.account, observedAt: 1)
        }
        let ingestSeconds = Date().timeIntervalSince(ingestStarted)
        let ingestRate = Int(Double(written) / ingestSeconds)
        let ingestMet = targets.check("ingest rate", met: ingestRate >= 20_000)
        print(
            "ingest only: \(written) objects in \(seconds(ingestSeconds)) s = \(ingestRate) objects/s (target ≥ 20,000: \(ingestMet))"
        )
        let writeSeconds = seconds(ingestSeconds - decodeSeconds)
        print("  of which decoding JSON: \(seconds(decodeSeconds)) s; SQLite mirror + outbox: \(writeSeconds) s")
    }
} catch {
    Interruption.yieldIfUnderWay()
    FileHandle.standardError.write(Data("sync-bench: could not measure: \(error)\n".utf8))
    exit(70)
}
exit(targets.verdict())
