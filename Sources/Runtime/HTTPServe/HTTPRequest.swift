/// One HTTP request as the server received it, with its body fully read.
public struct HTTPRequest: Sendable {
    public let method: String
    /// The path without the query string, percent-decoded.
    public let path: String
    /// Query parameters in the order sent, `+` and `%XX` already decoded.
    public let query: [(String, String)]
    /// Header values keyed by lower-cased name; repeated headers are joined with ", ".
    public let headers: [String: String]
    public let body: [UInt8]

    public init(
        method: String,
        path: String,
        query: [(String, String)] = [],
        headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first query value named `name`, if any.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.0 == name }?.1
    }

    /// The header named `name` (any case).
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body decoded as `application/x-www-form-urlencoded`, pairs in the order sent.
    public func formValues() -> [(String, String)] {
        FormDecoding.decodePairs(String(decoding: body, as: UTF8.self))
    }
}
