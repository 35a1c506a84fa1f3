import Foundation

extension StripeClient {
    /// Sends one logical request: throttles, retries per `RetryPolicy`, maps failures.
    func send(
        _ method: CurlRequest.Method, base: String, path: String, query: [(String, String)],
        form: [(String, String)], account: String?, idempotencyKey: String? = nil
    ) throws -> StripeResponse {
        let plainPath = String(path.prefix { $0 != "?" })
        let request = try buildRequest(
            method, url: base + path + (query.isEmpty ? "" : "?" + FormEncoding.encode(query)),
            path: plainPath, form: form, account: account, idempotencyKey: idempotencyKey
        )
        var attempt = 1
        while true {
            limiter.acquire(account: account)
            let outcome = pool.withHandle { $0.perform(request) }
            switch outcome {
            case .response(let status, let headers, let body):
                let requestID = headers["request-id"]
                log(
                    method, plainPath, account: account, attempt: attempt, status: "\(status)",
                    requestID: requestID)
                if (200..<300).contains(status) {
                    return StripeResponse(
                        status: status, body: body, requestID: requestID, headers: headers)
                }
                guard policy.shouldRetry(status: status, headers: headers, attempt: attempt) else {
                    throw StripeErrorMapping.error(
                        status: status, body: body, requestID: requestID, path: plainPath)
                }
                pause(afterAttempt: attempt, headers: headers)
            case .failure(let reason):
                log(method, plainPath, account: account, attempt: attempt, status: "none", failure: reason)
                guard policy.shouldRetry(status: nil, headers: [:], attempt: attempt) else {
                    throw StripeError(
                        kind: .network, status: 0,
                        message: "no response from \(base) after \(attempt) attempt(s): \(reason)",
                        path: plainPath
                    )
                }
                pause(afterAttempt: attempt, headers: [:])
            }
            attempt += 1
        }
    }

    private func buildRequest(
        _ method: CurlRequest.Method, url: String, path: String, form: [(String, String)],
        account: String?, idempotencyKey: String?
    ) throws -> CurlRequest {
        var headers = [
            "Authorization: Bearer \(settings.secretKey)",
            "Stripe-Version: \(settings.apiVersion)",
            "Accept: application/json",
            "Expect:",  // no 100-continue round trip for larger form bodies
        ]
        if let account { headers.append("Stripe-Account: \(account)") }
        if let idempotencyKey { headers.append("Idempotency-Key: \(idempotencyKey)") }
        if method == .post { headers.append("Content-Type: application/x-www-form-urlencoded") }
        for value in [settings.secretKey, settings.apiVersion, account ?? "", idempotencyKey ?? "", url]
        where value.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw StripeError(
                kind: .invalidRequest, status: 0,
                message:
                    "a header value or the URL contains a line break; check the account id and settings",
                path: path
            )
        }
        return CurlRequest(
            method: method, url: url, headers: headers, body: FormEncoding.encode(form),
            timeoutSeconds: max(settings.requestTimeoutSeconds, 1)
        )
    }

    private func pause(afterAttempt attempt: Int, headers: [String: String]) {
        let delay = policy.delay(afterAttempt: attempt, headers: headers, jitter: Double.random(in: 0..<1))
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
    }

    private func log(
        _ method: CurlRequest.Method, _ path: String, account: String?, attempt: Int, status: String,
        requestID: String? = nil, failure: String? = nil
    ) {
        var fields = [
            "http.method": method.rawValue, "http.path": path, "http.status": status,
            "stripe.attempt": "\(attempt)",
        ]
        if let account { fields["stripe.account"] = account }
        if let requestID { fields["stripe.request_id"] = requestID }
        if let failure { fields["stripe.failure"] = failure }
        logger.debug("stripe request", fields)
    }
}
