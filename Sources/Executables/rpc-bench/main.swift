import BridgeLog
import BridgeRPC
import Foundation

// Measures a BridgeRPC round trip against a plain Unix-socket request/response in the same run,
// and SummaryByEmails throughput from 8 concurrent clients. Run the release build:
//   swift build -c release --product rpc-bench && .build/release/rpc-bench [rounds] [--latency-only]
let rounds = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
let latencyOnly = CommandLine.arguments.contains("--latency-only")
let directory = "/tmp/rpc-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

let server = RPCServer(
    socketPath: directory + "/rpc.sock", serviceName: "rpc-bench",
    logger: Logger(label: "rpc-bench", level: .warning))
SummaryWorkload.register(on: server)
try server.start()
defer { server.stop() }

let healthBytes = Envelope(
    kind: .request, callID: 1, method: HealthMessages.checkMethod, deadlineUnixMs: 1,
    metadata: [MetadataKey.caller: "rpc-bench"], payload: HealthMessages.encodeRequest(service: "")
).encodedFrame().count
// Interleaved in blocks, so both see the same machine load; the first block only warms up.
let plainEcho = try PlainEcho(socketPath: directory + "/plain.sock", messageBytes: healthBytes)
let healthLatency = HealthLatency(socketPath: server.socketPath)
var plainSamples: [Double] = []
var healthSamples: [Double] = []
for block in 0...10 {
    let plainBlock = try plainEcho.measure(rounds: rounds / 10)
    let healthBlock = try healthLatency.measure(rounds: rounds / 10)
    if block > 0 {
        plainSamples += plainBlock
        healthSamples += healthBlock
    }
}
let plain = LatencySummary(plainSamples)
let health = LatencySummary(healthSamples)
print("plain \(healthBytes)-byte request/response: \(plain)")
print("BridgeRPC Health round trip:        \(health)")
print(
    String(
        format: "ratio Health / plain (median): %.2f×, (p99): %.2f×", health.median / plain.median,
        health.p99 / plain.p99))
for shared in latencyOnly ? [] : [false, true] {
    let result = try RPCRuns.summaries(
        socketPath: server.socketPath, clients: 8, callsPerClient: 250, sharedConnection: shared)
    print(
        String(
            format: "SummaryByEmails, 8 concurrent clients (%@): %.0f calls/s, mean answer %d bytes",
            shared ? "one shared connection" : "one connection each", result.callsPerSecond,
            result.answerBytes))
}
if !latencyOnly {
    let coding = try SummaryWorkload.codingOnlyCallsPerSecond(calls: 500)
    print(
        String(
            format: "SummaryByEmails message coding alone, one thread, no socket: %.0f calls/s", coding))
}
