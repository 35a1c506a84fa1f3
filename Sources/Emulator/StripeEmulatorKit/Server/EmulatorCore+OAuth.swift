import HTTPServe

/// The Connect OAuth endpoints (`connect.stripe.com` in production), auto-approving.
extension EmulatorCore {
    func handleOAuth(_ request: HTTPRequest) -> HTTPResponse {
        do throws(OAuthError) {
            switch (request.method, request.path) {
            case ("GET", "/oauth/authorize"): return try authorize(request)
            case ("POST", "/oauth/token"): return try token(request)
            case ("POST", "/oauth/deauthorize"): return try deauthorize(request)
            default:
                throw OAuthError(
                    status: 404, code: "invalid_request", description: "No such OAuth endpoint")
            }
        } catch {
            return error.response
        }
    }

    /// Redirects back at once with a code (or `access_denied` when `emulator_deny=1`).
    private func authorize(_ request: HTTPRequest) throws(OAuthError) -> HTTPResponse {
        guard request.queryValue("client_id") == connectClientID else {
            throw OAuthError(
                code: "invalid_client", description: "No such application: the client_id does not match")
        }
        guard request.queryValue("response_type") == "code" else {
            throw OAuthError(code: "unsupported_response_type", description: "response_type must be code")
        }
        guard let redirect = request.queryValue("redirect_uri"), !redirect.isEmpty else {
            throw OAuthError(
                code: "invalid_request", description: "The emulator needs an explicit redirect_uri")
        }
        var answer: [(String, String)] = []
        if request.queryValue("emulator_deny") == "1" {
            answer = [("error", "access_denied"), ("error_description", "The user denied your request")]
        } else {
            guard let account = request.queryValue("emulator_account") ?? data.defaultOAuthAccount else {
                throw OAuthError(
                    code: "invalid_request", description: "The dataset has no account to connect")
            }
            let scope = request.queryValue("scope") ?? "read_write"
            let code = ids.make("ac_")
            data.connect(account)
            grants.issueCode(code, .init(account: account, scope: scope))
            answer = [("code", code), ("scope", scope)]
        }
        if let state = request.queryValue("state") { answer.append(("state", state)) }
        let query = answer.map {
            FormDecoding.encodeComponent($0.0) + "=" + FormDecoding.encodeComponent($0.1)
        }
        return .redirect(to: redirect + (redirect.contains("?") ? "&" : "?") + query.joined(separator: "&"))
    }

    private func token(_ request: HTTPRequest) throws(OAuthError) -> HTTPResponse {
        let form = request.formValues()
        let value = { (name: String) in form.first { $0.0 == name }?.1 }
        try requirePlatformKey(request, formSecret: value("client_secret"))
        let grant: OAuthGrants.Grant
        switch value("grant_type") {
        case "authorization_code":
            guard let code = value("code"), !code.isEmpty else {
                throw OAuthError(code: "invalid_request", description: "No authorization code provided")
            }
            guard let found = grants.redeemCode(code) else {
                throw OAuthError(
                    code: "invalid_grant", description: "Authorization code does not exist: \(code)")
            }
            grant = found
        case "refresh_token":
            guard let token = value("refresh_token"), let found = grants.grant(forRefreshToken: token)
            else {
                throw OAuthError(
                    code: "invalid_grant", description: "Refresh token does not exist or was revoked")
            }
            grant = found
        case nil:
            throw OAuthError(code: "invalid_request", description: "No grant type provided")
        case let other?:
            throw OAuthError(
                code: "unsupported_grant_type", description: "Unsupported grant type: \(other)")
        }
        let access = ids.make("sk_test_", length: 32)
        let refresh = ids.make("rt_", length: 32)
        grants.issueTokens(access: access, refresh: refresh, grant)
        let body = JSONObject([
            ("access_token", .string(access)),
            ("refresh_token", .string(refresh)),
            ("token_type", "bearer"),
            ("stripe_publishable_key", .string(ids.make("pk_test_", length: 32))),
            ("stripe_user_id", .string(grant.account)),
            ("scope", .string(grant.scope)),
            ("livemode", false),
        ])
        return jsonResponse(JSONValue.object(body).bytes)
    }

    private func deauthorize(_ request: HTTPRequest) throws(OAuthError) -> HTTPResponse {
        let form = request.formValues()
        let value = { (name: String) in form.first { $0.0 == name }?.1 }
        try requirePlatformKey(request, formSecret: value("client_secret"))
        guard value("client_id") == connectClientID else {
            throw OAuthError(
                code: "invalid_client", description: "No such application: the client_id does not match")
        }
        guard let account = value("stripe_user_id"), !account.isEmpty else {
            throw OAuthError(code: "invalid_request", description: "No stripe_user_id provided")
        }
        guard data.disconnect(account) else {
            throw OAuthError(
                code: "invalid_client",
                description: "This application is not connected to stripe account \(account), "
                    + "or that account does not exist."
            )
        }
        grants.revoke(account: account)
        return jsonResponse(JSONValue.object(JSONObject([("stripe_user_id", .string(account))])).bytes)
    }

    private func requirePlatformKey(_ request: HTTPRequest, formSecret: String?) throws(OAuthError) {
        let bearer = request.header("Authorization").map(Self.bearerToken)
        guard bearer == secretKey || formSecret == secretKey else {
            throw OAuthError(
                status: 401, code: "invalid_client",
                description: "Authenticate with the platform secret key (Authorization: Bearer sk_…)"
            )
        }
    }
}
