import Foundation

/// Decides whether and when to retry, from what the last attempt returned.
///
/// `Stripe-Should-Retry` wins when present; otherwise 409, 429, 5xx and network failures
/// are retried and every other 4xx is not.
struct RetryPolicy: Sendable {
    let maxRetries: Int
    let baseSeconds: Double
    let capSeconds: Double
    let retryAfterCapSeconds: Double

    /// Whether the outcome of attempt `attempt` (1-based) deserves another try.
    func shouldRetry(status: Int?, headers: [String: String], attempt: Int) -> Bool {
        guard attempt <= maxRetries else { return false }
        if let hint = headers["stripe-should-retry"]?.lowercased() {
            if hint == "true" { return true }
            if hint == "false" { return false }
        }
        guard let status else { return true }  // network failure
        return status == 409 || status == 429 || status >= 500
    }

    /// Seconds to wait before attempt `attempt + 1`; `jitter` is a fraction in 0..<1.
    func delay(afterAttempt attempt: Int, headers: [String: String], jitter: Double) -> Double {
        let exponent = Double(max(attempt - 1, 0))
        let backoff = min(baseSeconds * pow2(exponent), capSeconds)
        let withJitter = backoff * (1 + 0.25 * jitter)
        guard let retryAfter = headers["retry-after"].flatMap(Self.seconds) else { return withJitter }
        return max(withJitter, min(retryAfter, retryAfterCapSeconds))
    }

    private func pow2(_ exponent: Double) -> Double {
        exponent > 60 ? .greatestFiniteMagnitude : Double(1 << Int(exponent))
    }

    /// `Retry-After` in seconds; HTTP-date forms are not used by Stripe and are ignored.
    static func seconds(_ header: String) -> Double? {
        guard let value = Double(header.trimmingCharacters(in: .whitespaces)), value >= 0, value.isFinite
        else { return nil }
        return value
    }
}
