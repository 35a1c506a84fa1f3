import BenchKit
import BridgeRPC
import Contracts
import Foundation

/// The BridgeRPC measurements, each against a server already listening on `socketPath`.
enum RPCRuns {
    /// SummaryByEmails calls per second from `clients` threads, each with its own connection
    /// (`sharedConnection` false) or all sharing one client; plus the mean answer size.
    static func summaries(
        socketPath: String, clients: Int, callsPerClient: Int, sharedConnection: Bool
    ) throws -> (callsPerSecond: Double, answerBytes: Int) {
        let shared = RPCClient(socketPath: socketPath, caller: "rpc-bench")
        let own = (0..<clients).map { _ in RPCClient(socketPath: socketPath, caller: "rpc-bench") }
        defer { ([shared] + own).forEach { $0.close() } }
        let requests = (0..<16).map { SummaryWorkload.request($0) }
        let answerBytes = try shared.call(RevenueV1.RevenueQuery.summaryByEmails, requests[0])
            .serialized().count
        let failures = FailureCount()
        let started = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: clients) { index in
            let client = sharedConnection ? shared : own[index]
            for call in 0..<callsPerClient {
                let request = requests[(index + call) % requests.count]
                do {
                    let answer = try client.call(RevenueV1.RevenueQuery.summaryByEmails, request)
                    if answer.summaries.count != request.emails.count { failures.add() }
                } catch {
                    failures.add()
                }
            }
        }
        let seconds = BenchClock.microseconds(since: started) / 1e6
        guard failures.count == 0 else { throw BenchError("\(failures.count) summary calls failed") }
        _ = answerBytes
        let sizes = requests.map { request in
            (try? shared.call(RevenueV1.RevenueQuery.summaryByEmails, request).serialized().count) ?? 0
        }
        return (Double(clients * callsPerClient) / seconds, sizes.reduce(0, +) / sizes.count)
    }
}

/// Counts failed calls across threads.
// @unchecked Sendable: `value` is only touched while `lock` is held.
final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
