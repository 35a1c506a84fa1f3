import Foundation

/// Authorization codes and tokens issued by the emulator's OAuth endpoints.
// @unchecked Sendable: the dictionaries are read and written only inside `lock`.
final class OAuthGrants: @unchecked Sendable {
    struct Grant {
        let account: String
        let scope: String
    }

    private let lock = NSLock()
    private var codes: [String: Grant] = [:]
    private var accessTokens: [String: Grant] = [:]
    private var refreshTokens: [String: Grant] = [:]

    func issueCode(_ code: String, _ grant: Grant) {
        lock.withLock { codes[code] = grant }
    }

    /// Removes and returns the grant of `code`: each code works once.
    func redeemCode(_ code: String) -> Grant? {
        lock.withLock { codes.removeValue(forKey: code) }
    }

    func issueTokens(access: String, refresh: String, _ grant: Grant) {
        lock.withLock {
            accessTokens[access] = grant
            refreshTokens[refresh] = grant
        }
    }

    func grant(forRefreshToken token: String) -> Grant? {
        lock.withLock { refreshTokens[token] }
    }

    /// The account an access token acts for, if the token is live.
    func account(forAccessToken token: String) -> String? {
        lock.withLock { accessTokens[token]?.account }
    }

    /// Revokes every token of `account`.
    func revoke(account: String) {
        lock.withLock {
            accessTokens = accessTokens.filter { $0.value.account != account }
            refreshTokens = refreshTokens.filter { $0.value.account != account }
        }
    }
}
