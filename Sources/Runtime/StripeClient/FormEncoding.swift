import CCurl

/// `application/x-www-form-urlencoded` text, percent-encoded by `curl_easy_escape`
/// (everything but `A–Z a–z 0–9 - . _ ~`), so `created[gte]` travels as `created%5Bgte%5D`.
enum FormEncoding {
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        // Since libcurl 7.82 the handle argument is unused, so no easy handle is needed.
        guard let escaped = curl_easy_escape(nil, text, Int32(text.utf8.count)) else {
            fatalError("curl_easy_escape ran out of memory")
        }
        defer { curl_free(escaped) }
        return String(cString: escaped)
    }
}
