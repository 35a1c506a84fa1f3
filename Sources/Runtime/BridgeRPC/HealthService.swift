/// The built-in `Health/Check` every server answers: SERVING, the service name and uptime.
enum HealthService {
    static func check(
        request: [UInt8], serviceName: String, startedAt: ContinuousClock.Instant
    ) throws -> [UInt8] {
        guard HealthMessages.decodeRequest(request) != nil else {
            throw RPCError.invalidArgument("the Health/Check request is not a HealthCheckRequest message")
        }
        let uptime = ContinuousClock.now - startedAt
        return HealthMessages.encodeResponse(
            .init(serving: true, service: serviceName, uptimeSeconds: uptime.components.seconds))
    }
}
