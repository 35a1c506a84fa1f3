import BridgeLog
import Foundation

/// A blocking Stripe API client over libcurl: authenticates, pins the API version, throttles,
/// retries transient failures and maps Stripe's errors to `StripeError`.
///
/// Safe to use from several threads at once; each call blocks its thread, including while
/// it waits for the rate limiter or a backoff. It does not follow redirects and does not
/// verify webhook signatures.
public final class StripeClient: Sendable {
    let settings: StripeClientSettings
    let logger: Logger
    let pool = CurlHandlePool()
    let limiter: RateLimiter
    let policy: RetryPolicy

    public init(settings: StripeClientSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        limiter = RateLimiter(
            requestsPerSecond: settings.requestsPerSecond,
            accountRequestsPerSecond: settings.accountRequestsPerSecond
        )
        policy = RetryPolicy(
            maxRetries: max(settings.maxRetries, 0), baseSeconds: settings.backoffBaseSeconds,
            capSeconds: settings.backoffCapSeconds, retryAfterCapSeconds: settings.retryAfterCapSeconds
        )
    }

    /// `GET {apiBase}{path}?query`, on behalf of `account` when given.
    public func get(_ path: String, query: [(String, String)] = [], account: String? = nil) throws
        -> StripeResponse
    {
        try send(.get, base: settings.apiBase, path: path, query: query, form: [], account: account)
    }

    /// `POST {apiBase}{path}` with a form body. Without an `idempotencyKey` a random one is
    /// made, so retries of this call can never apply it twice.
    public func post(
        _ path: String, form: [(String, String)], account: String? = nil, idempotencyKey: String? = nil
    ) throws -> StripeResponse {
        try send(
            .post, base: settings.apiBase, path: path, query: [], form: form, account: account,
            idempotencyKey: idempotencyKey ?? UUID().uuidString.lowercased()
        )
    }

    /// Walks every page of a list (limit ≤ 100) newest first until has_more is false, resuming
    /// after `startingAfter` if given; onPage runs once per page, in order. With `prefetch`, the
    /// next page is fetched while onPage handles the current one (at most one page ahead).
    public func list(
        _ path: String, query: [(String, String)] = [], account: String? = nil,
        pageSize: Int = 100, startingAfter: String? = nil, prefetch: Bool = false,
        onPage: (StripeListPage) throws -> Void
    ) throws {
        var walk = ListWalk(
            client: self, path: path, query: query, account: account, pageSize: pageSize, cursor: startingAfter
        )
        guard prefetch else {
            while let page = try walk.next() { try onPage(page) }
            return
        }
        try PagePrefetcher(walk: walk).run(onPage)
    }

    /// `GET /v1/accounts/{id}`.
    public func retrieveAccount(_ account: String) throws -> [String: Any] {
        let path = "/v1/accounts/" + FormEncoding.escape(account)
        return try get(path).jsonObject(path: path)
    }
}
