/// The `stripe:` section: where Stripe is and how hard to press it.
public struct StripeSettings: Sendable, Equatable {
    /// The only Stripe-Version this build is written against.
    public static let pinnedVersion = "2026-07-29.dahlia"

    /// Stripe API base URL, no trailing slash.
    public var apiBase: String
    /// Base of the OAuth endpoints (connect.stripe.com), no trailing slash.
    public var connectBase: String
    public var version: String
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// Global request budget per second.
    public var requestsPerSecond: Double
    /// Budget per second for each connected account.
    public var accountRequestsPerSecond: Double

    public init(
        apiBase: String, connectBase: String, version: String = StripeSettings.pinnedVersion,
        maxRetries: Int = 4, requestsPerSecond: Double = 20, accountRequestsPerSecond: Double = 10
    ) {
        self.apiBase = apiBase
        self.connectBase = connectBase
        self.version = version
        self.maxRetries = maxRetries
        self.requestsPerSecond = requestsPerSecond
        self.accountRequestsPerSecond = accountRequestsPerSecond
    }

    init(_ reader: ConfigReader) throws {
        apiBase = try reader.child("api_base").httpURL()
        connectBase = try reader.child("connect_base").httpURL()
        let versionKey = reader.child("version")
        version = try versionKey.string()
        guard version == Self.pinnedVersion else {
            throw versionKey.invalid(
                "\(Self.pinnedVersion), the version this build is written against", got: version)
        }
        maxRetries = try reader.child("max_retries").nonNegativeInt()
        requestsPerSecond = try reader.child("requests_per_second").positiveDouble()
        accountRequestsPerSecond = try reader.child("account_requests_per_second").positiveDouble()
    }
}
