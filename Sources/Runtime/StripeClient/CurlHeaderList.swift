import CCurl

/// Owns one `curl_slist` of request headers; it must outlive the transfer that uses it.
final class CurlHeaderList {
    private(set) var list: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) {
        for line in lines {
            guard let extended = curl_slist_append(list, line) else {
                fatalError("curl_slist_append ran out of memory building request headers")
            }
            list = extended
        }
    }

    deinit {
        curl_slist_free_all(list)
    }
}
