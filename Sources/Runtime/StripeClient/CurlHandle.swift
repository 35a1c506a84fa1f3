import CCurl
import CShims
import Foundation

/// Owns one libcurl easy handle. Reusing it between transfers keeps connections alive.
/// Not thread-safe: one transfer at a time, which `CurlHandlePool` guarantees.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Responses larger than this are refused rather than held in memory.
    static let maxBodyBytes = 64 << 20

    init() {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            fatalError("curl_easy_init failed; libcurl is out of memory")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func perform(_ request: CurlRequest) -> CurlOutcome {
        curl_easy_reset(handle)  // drops the last transfer's options, keeps live connections
        errorBuffer[0] = 0
        let accumulator = ResponseAccumulator(maxBodyBytes: Self.maxBodyBytes)
        let headerList = CurlHeaderList(request.headers)
        return withExtendedLifetime((accumulator, headerList)) {
            if let failure = configure(request, accumulator: accumulator, headers: headerList) {
                return .failure(failure)
            }
            let code = curl_easy_perform(handle)
            guard code == CURLE_OK else {
                if accumulator.overflowed {
                    return .failure("response body exceeded \(Self.maxBodyBytes) bytes")
                }
                return .failure(message(for: code))
            }
            var status = 0
            guard sb_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK else {
                return .failure("libcurl did not report the HTTP status")
            }
            return .response(status: status, headers: accumulator.headers, body: accumulator.body)
        }
    }

    /// Sets every option of one transfer; returns a failure description or nil.
    private func configure(
        _ request: CurlRequest, accumulator: ResponseAccumulator, headers: CurlHeaderList
    ) -> String? {
        let context = Unmanaged.passUnretained(accumulator).toOpaque()
        var codes: [CURLcode] = [
            sb_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            sb_curl_set_string(handle, CURLOPT_URL, request.url),
            sb_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            sb_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),  // signals are process-wide; threads use curl
            sb_curl_set_long(handle, CURLOPT_TIMEOUT, request.timeoutSeconds),
            sb_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, min(request.timeoutSeconds, 10)),
            sb_curl_set_string(handle, CURLOPT_USERAGENT, "StripeBridge/1.0"),
            sb_curl_set_slist(handle, CURLOPT_HTTPHEADER, headers.list),
            sb_curl_set_pointer(handle, CURLOPT_WRITEDATA, context),
            sb_curl_set_callback(handle, CURLOPT_WRITEFUNCTION) { pointer, size, count, context in
                guard let pointer, let context else { return 0 }
                let sink = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                return sink.appendBody(pointer, count: size * count)
            },
            sb_curl_set_pointer(handle, CURLOPT_HEADERDATA, context),
            sb_curl_set_callback(handle, CURLOPT_HEADERFUNCTION) { pointer, size, count, context in
                guard let pointer, let context else { return 0 }
                let sink = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                return sink.appendHeader(pointer, count: size * count)
            },
        ]
        switch request.method {
        case .get:
            codes.append(sb_curl_set_long(handle, CURLOPT_HTTPGET, 1))
        case .post:
            codes.append(sb_curl_set_long(handle, CURLOPT_POST, 1))
            codes.append(sb_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, request.body.utf8.count))
            codes.append(sb_curl_set_string(handle, CURLOPT_COPYPOSTFIELDS, request.body))
        }
        guard let bad = codes.first(where: { $0 != CURLE_OK }) else { return nil }
        return "could not configure the request: " + String(cString: curl_easy_strerror(bad))
    }

    private func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }
}
