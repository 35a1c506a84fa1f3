import Foundation

/// A successful (2xx) Stripe response.
public struct StripeResponse: Sendable {
    public let status: Int
    public let body: [UInt8]
    /// The `Request-Id` header, to quote when asking Stripe about this call.
    public let requestID: String?
    /// Response headers with lower-cased names.
    public let headers: [String: String]

    public init(status: Int, body: [UInt8], requestID: String?, headers: [String: String]) {
        self.status = status
        self.body = body
        self.requestID = requestID
        self.headers = headers
    }

    /// The body as a JSON object.
    public func jsonObject(path: String) throws -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw StripeError(
                kind: .decoding, status: status,
                message: "expected a JSON object in the response body (\(body.count) bytes)",
                requestID: requestID, path: path
            )
        }
        return object
    }
}
