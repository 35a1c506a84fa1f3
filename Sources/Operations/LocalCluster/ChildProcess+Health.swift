import BridgeRPC
import Contracts
import Foundation

extension ChildProcess {
    /// Returns once the service this process runs answers Health as serving on `socketPath`;
    /// throws when the process exits first or `timeout` passes.
    public func waitUntilServing(socketPath: String, timeout: TimeInterval) throws {
        let client = RPCClient(socketPath: socketPath, caller: "local-cluster")
        defer { client.close() }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard isRunning else {
                throw ClusterError("\(name) exited with status \(exitStatus ?? -1); see \(logDescription)")
            }
            if let answer = try? client.call(HealthV1.Health.check, .init(), timeout: .seconds(1)),
                answer.status == .serving
            {
                return
            }
            usleep(20_000)  // the service is still loading; it has no event to await from here
        }
        throw ClusterError("\(name) did not answer Health within \(Int(timeout)) s; see \(logDescription)")
    }
}
