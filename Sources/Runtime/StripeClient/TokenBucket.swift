/// A token bucket: `rate` tokens per second, holding at most `capacity`.
/// Pure value type; the caller supplies the clock.
struct TokenBucket: Sendable {
    let rate: Double
    let capacity: Double
    private(set) var tokens: Double
    private var updatedAt: Double

    init(rate: Double, now: Double) {
        self.rate = rate
        self.capacity = max(1, rate)
        self.tokens = capacity
        self.updatedAt = now
    }

    mutating func refill(now: Double) {
        guard now > updatedAt else { return }
        tokens = min(capacity, tokens + (now - updatedAt) * rate)
        updatedAt = now
    }

    /// Seconds until one token is available, 0 when one is available now.
    func wait() -> Double {
        tokens >= 1 ? 0 : (1 - tokens) / rate
    }

    mutating func take() {
        tokens -= 1
    }

    var isFull: Bool { tokens >= capacity }
}
