import Foundation

/// Turns a non-2xx Stripe response into a `StripeError`.
///
/// API errors look like `{"error":{"type","code","message"}}`; OAuth errors like
/// `{"error":"invalid_grant","error_description":"…"}`.
enum StripeErrorMapping {
    static func error(status: Int, body: [UInt8], requestID: String?, path: String) -> StripeError {
        let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        if let oauthCode = json?["error"] as? String {
            let description = json?["error_description"] as? String ?? "OAuth request rejected"
            return StripeError(
                kind: status >= 500 ? .server : .oauth, status: status, code: oauthCode,
                message: description, requestID: requestID, path: path
            )
        }
        let details = json?["error"] as? [String: Any]
        let type = details?["type"] as? String
        let code = details?["code"] as? String
        let message = details?["message"] as? String ?? "HTTP \(status) with no Stripe error message"
        return StripeError(
            kind: kind(status: status, type: type), status: status, type: type, code: code,
            message: message, requestID: requestID, path: path
        )
    }

    static func kind(status: Int, type: String?) -> StripeError.Kind {
        if type == "idempotency_error" { return .idempotency }
        switch status {
        case 429: return .rateLimited
        case 500...: return .server
        case 401: return .authentication
        case 403: return .permission
        case 404: return .notFound
        case 409: return .idempotency
        default: return .invalidRequest
        }
    }
}
