import BridgeRPC

/// Health round trips over one client's connection, timed one by one.
final class HealthLatency {
    private let client: RPCClient
    private let request = HealthMessages.encodeRequest(service: "")

    init(socketPath: String) {
        client = RPCClient(socketPath: socketPath, caller: "rpc-bench")
    }

    deinit {
        client.close()
    }

    /// Round-trip times in microseconds of `rounds` Health calls.
    func measure(rounds: Int) throws -> [Double] {
        var samples: [Double] = []
        samples.reserveCapacity(rounds)
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            _ = try client.call(HealthMessages.checkMethod, request)
            samples.append(BenchClock.microseconds(since: started))
        }
        return samples
    }
}
