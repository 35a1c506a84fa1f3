/// Decides when a repeated event is worth a warning: at most one per `interval`, each one
/// reporting how many events happened since the warning before (itself included).
///
/// A value with no clock of its own, so tests drive it with chosen instants. Events after the
/// last warning are reported only if another event comes once the interval is over.
struct WarningThrottle: Sendable {
    let interval: Duration
    private var lastWarning: ContinuousClock.Instant?
    private var unreported = 0

    init(interval: Duration) {
        self.interval = interval
    }

    /// Counts one event at `now`. - Returns: the count to warn about, or nil to stay quiet.
    mutating func record(at now: ContinuousClock.Instant) -> Int? {
        unreported += 1
        if let lastWarning, now - lastWarning < interval { return nil }
        lastWarning = now
        defer { unreported = 0 }
        return unreported
    }
}
