/// What one HTTP transfer sends.
struct CurlRequest {
    enum Method: String {
        case get = "GET"
        case post = "POST"
    }

    let method: Method
    let url: String
    /// Complete header lines, `Name: value`.
    let headers: [String]
    /// Form body for POST.
    let body: String
    let timeoutSeconds: Int
}

/// What one HTTP transfer got back: a response, or a reason none arrived.
enum CurlOutcome {
    case response(status: Int, headers: [String: String], body: [UInt8])
    case failure(String)
}
