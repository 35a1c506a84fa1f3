/// A failure the emulator injects into matching requests (set with `POST /_emulator/faults`).
struct FaultRule {
    var pathPrefix: String
    var method: String?
    /// Only requests made for this connected account (`Stripe-Account`); nil matches any.
    var account: String?
    /// The status to answer with; nil or below 400 only delays and then serves normally.
    var status: Int?
    /// How many more requests to hit; -1 means forever.
    var remaining: Int
    var retryAfter: Int?
    var shouldRetry: Bool?
    var delayMilliseconds: Int
    var errorCode: String?
    var rateLimitedReason: String?

    init(json: JSONValue) throws {
        guard let prefix = json["path_prefix"]?.stringValue else {
            throw DatasetError("a fault needs \"path_prefix\" (e.g. \"/v1/invoices\")")
        }
        pathPrefix = prefix
        method = json["method"]?.stringValue?.uppercased()
        account = json["account"]?.stringValue
        status = json["status"]?.intValue.map(Int.init)
        remaining = json["count"]?.intValue.map(Int.init) ?? 1
        retryAfter = json["retry_after"]?.intValue.map(Int.init)
        shouldRetry = json["should_retry"]?.boolValue
        delayMilliseconds = json["delay_ms"]?.intValue.map(Int.init) ?? 0
        errorCode = json["error_code"]?.stringValue
        rateLimitedReason = json["rate_limited_reason"]?.stringValue
    }

    func matches(method requestMethod: String, path: String, account requestAccount: String?) -> Bool {
        remaining != 0 && path.hasPrefix(pathPrefix) && (method == nil || method == requestMethod)
            && (account == nil || account == requestAccount)
    }

    /// The error to answer with, or nil when this rule only delays.
    var error: StripeAPIError? {
        guard let status, status >= 400 else { return nil }
        let type: String
        let code: String?
        switch status {
        case 429:
            type = "invalid_request_error"
            code = errorCode ?? "rate_limit"
        case 500...:
            type = "api_error"
            code = errorCode
        default:
            type = "invalid_request_error"
            code = errorCode
        }
        var error = StripeAPIError(
            status: status, type: type, code: code,
            message:
                "Injected failure (\(status)\(code.map { ", " + $0 } ?? "")) "
                + "from the emulator's fault knobs.",
            param: nil
        )
        if let retryAfter { error.headers.append(("Retry-After", String(retryAfter))) }
        if let shouldRetry { error.headers.append(("Stripe-Should-Retry", String(shouldRetry))) }
        if let rateLimitedReason { error.headers.append(("Stripe-Rate-Limited-Reason", rateLimitedReason)) }
        return error
    }
}
