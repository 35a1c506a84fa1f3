import Foundation

/// Converts between the wire's absolute Unix-millisecond deadlines and the monotonic clock.
enum DeadlineClock {
    static func nowUnixMs() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The wire deadline `timeout` from now.
    static func unixMs(after timeout: Duration) -> Int64 {
        let (seconds, attoseconds) = timeout.components
        let millis = seconds.multipliedReportingOverflow(by: 1_000)
        guard !millis.overflow else { return .max }
        let total = millis.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        let deadline = nowUnixMs().addingReportingOverflow(total.overflow ? .max : total.partialValue)
        return deadline.overflow ? .max : deadline.partialValue
    }

    /// The monotonic instant for a wire deadline; nil when the wire says there is none (0).
    static func instant(fromUnixMs deadline: Int64) -> ContinuousClock.Instant? {
        guard deadline != 0 else { return nil }
        let remaining = deadline.subtractingReportingOverflow(nowUnixMs())
        let millis = remaining.overflow ? (deadline < 0 ? Int64.min : .max) : remaining.partialValue
        // Clamp to about 30 years so the Duration arithmetic cannot overflow.
        let clamped = min(max(millis, -1_000_000_000_000), 1_000_000_000_000)
        return .now + .milliseconds(clamped)
    }
}
