import BenchKit
import BridgeLog
import BridgeRPC
import Foundation

// Measures a BridgeRPC round trip against a plain Unix-socket request/response in the same run
// (both pinned to one CPU), and SummaryByEmails throughput from 8 concurrent clients on every
// CPU. Exits with status 1 when the round trip is over twice the plain one. Run the release build:
//   swift build -c release --product rpc-bench && .build/release/rpc-bench [rounds] [--latency-only]
let rounds = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
let latencyOnly = CommandLine.arguments.contains("--latency-only")
let directory = "/tmp/rpc-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let targets = BenchTargets()
do {
    defer { try? FileManager.default.removeItem(atPath: directory) }
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
}
exit(targets.verdict())
