extension StripeClient {
    /// Exchanges a Connect OAuth `code` at `POST {connectBase}/oauth/token`.
    /// The returned access and refresh tokens are dropped without being logged.
    public func exchangeOAuthCode(_ code: String) throws -> OAuthToken {
        let path = "/oauth/token"
        let response = try send(
            .post, base: settings.connectBase, path: path, query: [],
            form: [("grant_type", "authorization_code"), ("code", code)], account: nil
        )
        let json = try response.jsonObject(path: path)
        guard let account = json["stripe_user_id"] as? String, !account.isEmpty else {
            throw StripeError(
                kind: .decoding, status: response.status, message: "token response has no stripe_user_id",
                requestID: response.requestID, path: path
            )
        }
        return OAuthToken(
            stripeUserID: account,
            scope: json["scope"] as? String ?? "",
            livemode: json["livemode"] as? Bool ?? false
        )
    }

    /// Revokes the platform's access to `account` at `POST {connectBase}/oauth/deauthorize`.
    public func deauthorize(clientID: String, account: String) throws {
        _ = try send(
            .post, base: settings.connectBase, path: "/oauth/deauthorize", query: [],
            form: [("client_id", clientID), ("stripe_user_id", account)], account: nil
        )
    }
}
