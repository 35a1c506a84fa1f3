import AccessControl
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import RevenueQuery

// Benchmark of RevenueQuery on a large read model: writes the SQLite file, loads it the normal
// way, serves it over a real Unix socket and measures the grids' batch lookup.
let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback
}
let customers = option("--customers", 200_000)
let payments = option("--payments", 1_000_000)
let key = "bench-grant-key"
let logger = Logger(label: "revenue-bench", level: .error)
let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("rqb-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("revenue.sqlite").path

var clock = ContinuousClock.now
do {
    let database = try Database(path: path, logger: logger)
    _ = try RevenueService(database: database, logger: logger, grantKey: key)
    try BenchDataset.write(into: database, customers: customers, payments: payments)
    database.close()
}
print("dataset: \(customers) customers, \(payments) payments written in \(ContinuousClock.now - clock)")
clock = .now
let database = try Database(path: path, logger: logger)
let service = try RevenueService(database: database, logger: logger, grantKey: key)
print("loaded from SQLite in \(ContinuousClock.now - clock); peak RSS \(BenchStatistics.peakResidentMiB()) MiB")
let socket = folder.appendingPathComponent("r.sock").path
let server = RPCServer(socketPath: socket, serviceName: "revenue_query", logger: logger)
service.register(on: server)
try server.start()

let grant = AccessGuard.metadata(userID: "bench", businessID: BenchDataset.business, role: .agency, key: key)
func request(_ seed: Int) -> RevenueV1.SummaryByEmailsRequest {
    .init(businessId: BenchDataset.business, emails: (0..<500).map { BenchDataset.email((seed * 7_919 + $0 * 389) % customers) })
}

// One client: median and p99 of SummaryByEmails with 500 emails.
let single = RPCClient(socketPath: socket, caller: "bench")
var samples: [Double] = []
for round in 0..<400 {
    let start = ContinuousClock.now
    let answer = try single.call(RevenueV1.RevenueQuery.summaryByEmails, request(round), metadata: grant)
    if round >= 20 { samples.append(BenchClock.microseconds(since: start)) }
    precondition(answer.summaries.count == 500)
}
let median = BenchStatistics.percentile(samples, 0.5) / 1000
let p99 = BenchStatistics.percentile(samples, 0.99) / 1000
print(String(format: "SummaryByEmails x500, one client: median %.2f ms (target <= 3), p99 %.2f ms (target <= 10)", median, p99))

// Eight clients at once for two seconds.
let calls = ManagedCounter()
let deadline = ContinuousClock.now.advanced(by: .seconds(2))
DispatchQueue.concurrentPerform(iterations: 8) { worker in
    let client = RPCClient(socketPath: socket, caller: "bench-\(worker)")
    defer { client.close() }
    var round = worker * 1_000
    while ContinuousClock.now < deadline {
        _ = try? client.call(RevenueV1.RevenueQuery.summaryByEmails, request(round), metadata: grant)
        round += 1
        calls.increment()
    }
}
print("SummaryByEmails x500, 8 clients: \(calls.value / 2) calls/s (target >= 1000)")

// Health against the plain socket round trip.
var health: [Double] = []
for _ in 0..<2_000 {
    let start = ContinuousClock.now
    _ = try single.call(HealthV1.Health.check, .init())
    health.append(BenchClock.microseconds(since: start))
}
let healthMedian = BenchStatistics.percentile(health, 0.5)
let plain = PlainSocketRoundTrip.median(count: 2_000, size: 128)
print(String(format: "Health round trip median %.1f µs vs plain Unix-socket request/response %.1f µs: %.1fx (target <= 2x)",
    healthMedian, plain, healthMedian / plain))
print(String(format: "peak resident memory (VmHWM, service and clients in this process): %.0f MiB (target <= 150)",
    BenchStatistics.peakResidentMiB()))
single.close()
server.stop()
database.close()
