import BenchKit
import BridgeLog
import BridgeRPC
import Foundation
import LocalCluster

// Measures a BridgeRPC round trip against a plain Unix-socket request/response in the same run
// (both pinned to one CPU), and SummaryByEmails throughput from 8 concurrent clients on every
// CPU. Exits with status 1 when the round trip is over twice the plain one, 64 on a wrong argument,
// 70 when it could not measure, 130/143 when interrupted (its folder removed). Run the release build:
//   swift build -c release --product rpc-bench && .build/release/rpc-bench [rounds] [--latency-only]
let commandLine = BenchCommandLine(
    program: "rpc-bench", usage: "rpc-bench [rounds ≥ 100, default 20000] [--latency-only]", options: [],
    flags: ["--latency-only"], bareValue: "rounds")
let rounds = commandLine.integer(
    "rounds", default: 20_000, minimum: 100, rule: "10 timed blocks of at least 10 round trips each")
let latencyOnly = commandLine.isSet("--latency-only")
let directory = "/tmp/rpc-bench-\(getpid())"
Interruption.install(removing: URL(fileURLWithPath: directory), notice: "rpc-bench: interrupted")
let targets = BenchTargets()
do {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let server = RPCServer(
        socketPath: directory + "/rpc.sock", serviceName: "rpc-bench",
        logger: Logger(label: "rpc-bench", level: .warning))
    SummaryWorkload.register(on: server)
    try server.start()
    defer { server.stop() }

    try CPUPinning.pin(toCPUs: [0])
    let comparison = try RoundTripComparison.measure(
        serverSocket: server.socketPath, echoSocket: directory + "/plain.sock", rounds: rounds)
    try CPUPinning.pin(toCPUs: CPUPinning.allCPUs)
    print(comparison)
    let p99Ratio = comparison.health.p99 / comparison.plain.p99
    let met = targets.check("Health round trip", met: comparison.medianRatio <= 2)
    let ratios = String(
        format: "(median): %.2f× (target <= 2×: \(met)), (p99): %.2f×", comparison.medianRatio, p99Ratio)
    print("ratio Health / plain, one CPU \(ratios)")
    for shared in latencyOnly ? [] : [false, true] {
        let result = try RPCRuns.summaries(
            socketPath: server.socketPath, clients: 8, callsPerClient: 250, sharedConnection: shared)
        print(
            String(
                format:
                    "SummaryByEmails, 8 concurrent clients (\(shared ? "one shared connection" : "one connection each")): "
                    + "%.0f calls/s, mean answer %d bytes", result.callsPerSecond, result.answerBytes))
    }
    if !latencyOnly {
        let coding = try SummaryWorkload.codingOnlyCallsPerSecond(calls: 500)
        print(String(format: "SummaryByEmails message coding alone, one thread, no socket: %.0f calls/s", coding))
    }
} catch {
    Interruption.yieldIfUnderWay()
    FileHandle.standardError.write(Data("rpc-bench: could not measure: \(error)\n".utf8))
    exit(70)
}
exit(targets.verdict())
