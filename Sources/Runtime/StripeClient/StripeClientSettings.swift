/// Where Stripe is, which key and version to use, and how hard to retry and throttle.
public struct StripeClientSettings: Sendable {
    /// Stripe API base URL, e.g. `https://api.stripe.com`.
    public var apiBase: String
    /// Base of the OAuth endpoints, e.g. `https://connect.stripe.com`.
    public var connectBase: String
    /// Sent as `Stripe-Version` on every request.
    public var apiVersion: String
    /// The platform's secret key; sent only in the `Authorization` header, never logged.
    public var secretKey: String
    /// Retries after the first attempt for retryable failures.
    public var maxRetries: Int = 4
    public var requestTimeoutSeconds: Int = 30
    /// Backoff before retry n is `min(base × 2^(n−1), cap)` plus up to 25 % jitter.
    public var backoffBaseSeconds: Double = 0.5
    public var backoffCapSeconds: Double = 5
    /// The longest `Retry-After` honoured; longer ones are shortened to this.
    public var retryAfterCapSeconds: Double = 60
    /// Global request budget across all accounts.
    public var requestsPerSecond: Double = 20
    /// Request budget for each connected account (`Stripe-Account`).
    public var accountRequestsPerSecond: Double = 10

    public init(apiBase: String, connectBase: String, apiVersion: String, secretKey: String) {
        self.apiBase = apiBase
        self.connectBase = connectBase
        self.apiVersion = apiVersion
        self.secretKey = secretKey
    }
}
