import HTTPServe

/// An error in Stripe's API shape: `{"error":{"type":…,"code":…,"message":…,"param":…}}`.
struct StripeAPIError: Error {
    var status: Int
    var type: String
    var code: String?
    var message: String
    var param: String?
    var headers: [(String, String)] = []

    var response: HTTPResponse {
        var error = JSONObject([("type", .string(type))])
        if let code { error["code"] = .string(code) }
        error["message"] = .string(message)
        if let param { error["param"] = .string(param) }
        var response = HTTPResponse.json(
            status, JSONValue.object(JSONObject([("error", .object(error))])).text)
        response.headers += headers
        return response
    }

    static func invalidParameter(_ param: String, _ message: String, code: String) -> StripeAPIError {
        StripeAPIError(
            status: 400, type: "invalid_request_error", code: code, message: message, param: param)
    }

    static func noSuchObject(_ objectType: String, _ id: String, param: String? = "id") -> StripeAPIError {
        StripeAPIError(
            status: param == "id" ? 404 : 400, type: "invalid_request_error", code: "resource_missing",
            message: "No such \(objectType): '\(id)'", param: param
        )
    }

    static func unknownURL(_ method: String, _ path: String) -> StripeAPIError {
        StripeAPIError(
            status: 404, type: "invalid_request_error", code: nil,
            message: "Unrecognized request URL (\(method): \(path)). The emulator serves only the "
                + "list and retrieve endpoints in docs/dataset-format.md.",
            param: nil
        )
    }

    static let missingKey = StripeAPIError(
        status: 401, type: "invalid_request_error", code: nil,
        message: "You did not provide an API key. You need to provide your API key in the "
            + "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        param: nil
    )

    static func invalidKey(_ key: String) -> StripeAPIError {
        StripeAPIError(
            status: 401, type: "invalid_request_error", code: nil,
            message: "Invalid API Key provided: \(masked(key))", param: nil
        )
    }

    static func noAccess(_ key: String, _ account: String) -> StripeAPIError {
        StripeAPIError(
            status: 403, type: "invalid_request_error", code: "account_invalid",
            message: "The provided key '\(masked(key))' does not have access to account '\(account)' "
                + "(or that account does not exist). Application access may have been revoked.",
            param: nil
        )
    }

    /// Keeps the key's prefix and last four characters, like Stripe's own messages.
    static func masked(_ key: String) -> String {
        guard key.count > 12 else { return String(repeating: "*", count: key.count) }
        let prefix = key.prefix(8)
        let suffix = key.suffix(4)
        return prefix + String(repeating: "*", count: key.count - 12) + suffix
    }
}
