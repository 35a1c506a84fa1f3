import BridgeRPC

/// Health round trips over one client's connection, timed one by one.
public final class HealthLatency {
    private let client: RPCClient
    private let request = HealthMessages.encodeRequest(service: "")

    public init(socketPath: String, caller: String) {
        client = RPCClient(socketPath: socketPath, caller: caller)
    }

    deinit {
        client.close()
    }

    /// Round-trip times in microseconds of `rounds` Health calls.
    public func measure(rounds: Int) throws -> [Double] {
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
