import Foundation

/// Throttles requests with one global token bucket plus one per connected account.
/// `acquire` blocks the calling thread until both buckets have a token.
// Safe to share: the buckets are only touched while holding `lock`.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var global: TokenBucket
    private var accounts: [String: TokenBucket] = [:]
    private let accountRate: Double
    /// Above this many accounts, buckets that have refilled completely are forgotten.
    private static let maxTrackedAccounts = 1_000

    init(requestsPerSecond: Double, accountRequestsPerSecond: Double) {
        precondition(
            requestsPerSecond > 0 && accountRequestsPerSecond > 0, "request rates must be positive")
        global = TokenBucket(rate: requestsPerSecond, now: Self.now())
        accountRate = accountRequestsPerSecond
    }

    func acquire(account: String?) {
        while true {
            let wait = lock.withLock { tryTake(account: account, now: Self.now()) }
            if wait <= 0 { return }
            Thread.sleep(forTimeInterval: wait)
        }
    }

    /// Takes a token from each bucket and returns 0, or returns how long to wait.
    private func tryTake(account: String?, now: Double) -> Double {
        global.refill(now: now)
        var accountWait = 0.0
        if let account {
            var bucket = accounts[account] ?? TokenBucket(rate: accountRate, now: now)
            bucket.refill(now: now)
            accounts[account] = bucket
            accountWait = bucket.wait()
        }
        let wait = max(global.wait(), accountWait)
        guard wait <= 0 else { return wait }
        global.take()
        if let account { accounts[account]?.take() }
        if accounts.count > Self.maxTrackedAccounts {
            accounts = accounts.filter { !$0.value.isFull }
        }
        return 0
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
