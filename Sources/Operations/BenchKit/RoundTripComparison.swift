import BridgeRPC

/// A BridgeRPC Health round trip against the physical limit, a plain request/response of the
/// same size over a Unix socket, measured in the same run.
public struct RoundTripComparison: CustomStringConvertible, Sendable {
    public let plain: LatencySummary
    public let health: LatencySummary
    public let messageBytes: Int

    /// Health calls to the server at `serverSocket` and plain echoes through `echoSocket` (a
    /// path this creates), interleaved in ten blocks so both see the same machine load; a first
    /// block of each only warms up.
    public static func measure(serverSocket: String, echoSocket: String, rounds: Int) throws -> RoundTripComparison {
        let messageBytes = Envelope(
            kind: .request, callID: 1, method: HealthMessages.checkMethod, deadlineUnixMs: 1,
            metadata: [MetadataKey.caller: "bench"], payload: HealthMessages.encodeRequest(service: "")
        ).encodedFrame().count
        let echo = try PlainEcho(socketPath: echoSocket, messageBytes: messageBytes)
        let health = HealthLatency(socketPath: serverSocket, caller: "bench")
        var plainSamples: [Double] = []
        var healthSamples: [Double] = []
        for block in 0...10 {
            let plainBlock = try echo.measure(rounds: max(1, rounds / 10))
            let healthBlock = try health.measure(rounds: max(1, rounds / 10))
            if block > 0 {
                plainSamples += plainBlock
                healthSamples += healthBlock
            }
        }
        return RoundTripComparison(
            plain: LatencySummary(plainSamples), health: LatencySummary(healthSamples), messageBytes: messageBytes)
    }

    /// Health's median over the plain median: the figure bounded by 2.
    public var medianRatio: Double { health.median / plain.median }

    public var description: String {
        """
        plain \(messageBytes)-byte request/response: \(plain)
        BridgeRPC Health round trip:        \(health)
        """
    }
}
