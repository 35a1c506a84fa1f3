import AccessControl
import BenchKit
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import LocalCluster
import RevenueQuery

// Benchmark of RevenueQuery on a large read model: prepares the SQLite file in this process,
// starts the real revenue-query executable on it and measures over its Unix socket. Prints each
// figure with its target and exits with status 1 when one is missed, 64 on a wrong argument,
// 70 when it could not measure, and 130/143 when interrupted (the service stopped, the folder removed).
let commandLine = BenchCommandLine(
    program: "revenue-bench", usage: "revenue-bench [--customers N ≥ 350] [--payments M ≥ N]",
    options: ["--customers", "--payments"])
let customers = commandLine.integer(
    "--customers", default: 200_000, minimum: 350, rule: "the bench walks 7 pages of 50 ranked customers")
let payments = commandLine.integer(
    "--payments", default: 1_000_000, minimum: customers, rule: "every customer must have paid")
// BENCH_SECONDS lengthens the 8-client phase, e.g. to attach a profiler to the service.
let phaseText = ProcessInfo.processInfo.environment["BENCH_SECONDS"] ?? "2"
guard let phaseSeconds = Int64(phaseText), phaseSeconds >= 1 else {
    commandLine.fail("BENCH_SECONDS must be a whole number ≥ 1, not \"\(phaseText)\"")
}
let key = "bench-grant-key-0123456789abcdef0123456789"
let logger = Logger(label: "revenue-bench", level: .error)
let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("rqb-\(getpid())")
Interruption.install(removing: folder, notice: "revenue-bench: interrupted; stopping revenue-query")
let dataFolder = folder.appendingPathComponent("data")
let path = dataFolder.appendingPathComponent("revenue-query.sqlite").path

func measure(_ service: ServiceProcess, _ targets: BenchTargets) throws {
    let socket = service.socketPath
    let grant = AccessGuard.metadata(userID: "bench", businessID: BenchDataset.business, role: .agency, key: key)
    func request(_ seed: Int) -> RevenueV1.SummaryByEmailsRequest {
        .init(
            businessId: BenchDataset.business,
            emails: (0..<500).map { BenchDataset.email((seed * 7_919 + $0 * 389) % customers) })
    }

    // One client: median and p99 of SummaryByEmails with 500 emails.
    let single = RPCClient(socketPath: socket, caller: "bench")
    defer { single.close() }
    var samples: [Double] = []
    for round in 0..<1_000 {
        let start = ContinuousClock.now
        let answer = try single.call(RevenueV1.RevenueQuery.summaryByEmails, request(round), metadata: grant)
        if round >= 50 { samples.append(BenchClock.microseconds(since: start)) }
        precondition(answer.summaries.count == 500 && answer.summaries[0].found)
    }
    let latency = LatencySummary(samples)
    let medianMet = targets.check("SummaryByEmails median", met: latency.median <= 3_000)
    let p99Met = targets.check("SummaryByEmails p99", met: latency.p99 <= 10_000)
    print(
        String(
            format: "SummaryByEmails x500, one client: median %.2f ms (target <= 3: \(medianMet)), "
                + "p99 %.2f ms (target <= 10: \(p99Met))", latency.median / 1000, latency.p99 / 1000))

    // ListCustomers, the Stripe customers page: every paying email ranked, one page returned.
    var listing: [Double] = []
    var token = ""
    for round in 0..<20 {
        let start = ContinuousClock.now
        let page = try single.call(
            RevenueV1.RevenueQuery.listCustomers,
            .init(
                businessId: BenchDataset.business, sort: ["spent", "orders", "last_purchase"][round % 3],
                pageSize: 50, pageToken: round % 3 == 0 ? token : ""),
            metadata: grant)
        listing.append(BenchClock.microseconds(since: start))
        precondition(page.customers.count == 50)
        if round % 3 == 0 { token = page.nextPageToken }  // walks the pages sorted by spent
    }
    let pages = LatencySummary(listing)
    print(
        String(
            format: "ListCustomers, 50 of %d customers ranked: median %.1f ms, p99 %.1f ms", customers,
            pages.median / 1000, pages.p99 / 1000))
    // The search box: a filter matching names and emails of about one customer in 180.
    var searching: [Double] = []
    for round in 0..<10 {
        let start = ContinuousClock.now
        let page = try single.call(
            RevenueV1.RevenueQuery.listCustomers,
            .init(businessId: BenchDataset.business, filter: "nº1\(round)0", pageSize: 50), metadata: grant)
        searching.append(BenchClock.microseconds(since: start))
        precondition(page.totalCount > 0)
    }
    let search = LatencySummary(searching)
    print(
        String(
            format: "ListCustomers with a filter: median %.1f ms, p99 %.1f ms", search.median / 1000,
            search.p99 / 1000))

    // The contact-history detail of one email, and a year of the dashboard's revenue by month.
    var details: [Double] = []
    for round in 0..<50 {
        let start = ContinuousClock.now
        let info = try single.call(
            RevenueV1.RevenueQuery.stripeInfoByEmail,
            .init(businessId: BenchDataset.business, email: BenchDataset.email(round * 3_989 % customers)),
            metadata: grant)
        details.append(BenchClock.microseconds(since: start))
        precondition(!info.payments.isEmpty)
    }
    var series: [Double] = []
    let yearStart: Int64 = 1_699_920_000  // a UTC midnight just before the first payment
    for _ in 0..<5 {
        let start = ContinuousClock.now
        let answer = try single.call(
            RevenueV1.RevenueQuery.revenueSeries,
            .init(businessId: BenchDataset.business, from: yearStart, to: yearStart + 365 * 86_400, period: "month"),
            metadata: grant)
        series.append(BenchClock.microseconds(since: start))
        precondition(!answer.points.isEmpty)
    }
    let detail = LatencySummary(details)
    let year = LatencySummary(series)
    print(
        String(
            format: "StripeInfoByEmail: median %.2f ms, p99 %.2f ms; RevenueSeries, a year by month over %d payments: "
                + "median %.2f ms", detail.median / 1000, detail.p99 / 1000, payments, year.median / 1000))

    // Eight clients, each on its own thread with its own connection, for two seconds. Each asks
    // for one of 64 batches built beforehand, as a grid backend holding its page's emails would.
    let calls = ManagedCounter()
    let failures = ManagedCounter()
    let batches = (0..<64).map { request($0 * 31) }
    let deadline = ContinuousClock.now.advanced(by: .seconds(phaseSeconds))
    let finished = DispatchGroup()
    for worker in 0..<8 {
        finished.enter()
        Thread.detachNewThread {
            defer { finished.leave() }
            let client = RPCClient(socketPath: socket, caller: "bench-\(worker)")
            defer { client.close() }
            var round = worker * 8
            while ContinuousClock.now < deadline {
                do {
                    let answer = try client.call(
                        RevenueV1.RevenueQuery.summaryByEmails, batches[round % batches.count], metadata: grant)
                    precondition(answer.summaries.count == 500)
                    calls.increment()
                } catch {
                    failures.increment()
                }
                round += 1
            }
        }
    }
    finished.wait()
    let rate = calls.value / Int(phaseSeconds)
    let rateMet = targets.check("8-client throughput", met: rate >= 1_000 && failures.value == 0)
    print("SummaryByEmails x500, 8 clients: \(rate) calls/s (target >= 1000: \(rateMet)), \(failures.value) failed")

    // Health against the plain socket round trip in the same run, this process and the
    // service both pinned to one CPU as the comparison needs.
    try CPUPinning.pin(toCPUs: [0])
    try CPUPinning.pin(process: service.processIdentifier, toCPUs: [0])
    let comparison = try RoundTripComparison.measure(
        serverSocket: socket, echoSocket: folder.appendingPathComponent("run/plain.sock").path, rounds: 10_000)
    let healthMet = targets.check("Health round trip", met: comparison.medianRatio <= 2)
    print(comparison)
    print(
        String(
            format: "ratio Health / plain, one CPU (median): %.2fx (target <= 2x: \(healthMet))", comparison.medianRatio
        ))

    let peak = Double(service.peakResidentBytes) / 1_048_576
    let memoryMet = targets.check(
        "peak memory", met: service.peakResidentBytes > 0 && service.peakResidentBytes <= 150_000_000)
    print(
        String(
            format: "revenue-query peak resident memory (VmHWM): %.0f MiB (target <= 150 MB = 143 MiB: \(memoryMet))",
            peak))
}

let targets = BenchTargets()
do {
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("run"), withIntermediateDirectories: true)
    var clock = ContinuousClock.now
    do {
        let database = try Database(path: path, logger: logger)
        _ = try RevenueService(database: database, logger: logger, grantKey: key)
        try BenchDataset.write(into: database, customers: customers, payments: payments)
        print("dataset: \(customers) customers, \(payments) payments written in \(ContinuousClock.now - clock)")
        clock = .now
        _ = try RevenueService(database: database, logger: logger, grantKey: key)
        print("payments derived once from the stored objects (upgrade path) in \(ContinuousClock.now - clock)")
        database.close()
    }
    clock = .now
    let service = try ServiceProcess(folder: folder, grantKey: key)
    defer { service.stop() }
    print("revenue-query started and loaded \(payments) payments in \(ContinuousClock.now - clock)")
    try measure(service, targets)
} catch {
    Interruption.yieldIfUnderWay()
    FileHandle.standardError.write(Data("revenue-bench: could not measure: \(error)\n".utf8))
    exit(70)
}
exit(targets.verdict())
