extension StripeClient {
    /// What a user's browser does on the authorize page: one credential-less GET of `url`,
    /// returning where it redirects (the `Location` header). The demo and the tests use it
    /// against the Stripe emulator, whose authorize page approves at once.
    public func redirectLocation(of url: String) throws -> String {
        let request = CurlRequest(method: .get, url: url, headers: [], body: "", timeoutSeconds: 10)
        switch pool.withHandle({ $0.perform(request) }) {
        case .response(let status, let headers, let body):
            guard (300..<400).contains(status), let location = headers["location"] else {
                throw StripeErrorMapping.error(
                    status: status, body: body, requestID: headers["request-id"], path: "/oauth/authorize"
                )
            }
            return location
        case .failure(let reason):
            throw StripeError(kind: .network, status: 0, message: reason, path: "/oauth/authorize")
        }
    }
}
