import CCurl

/// Runs `curl_global_init` once per process, before the first handle is made.
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func ensureInitialized() {
        guard initialized else {
            fatalError(
                "curl_global_init failed; libcurl cannot start (out of memory or a broken TLS library)")
        }
    }
}
