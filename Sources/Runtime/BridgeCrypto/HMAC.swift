import CCrypto

/// Keyed-hash message authentication (RFC 2104) over OpenSSL's one-shot `HMAC()`.
public enum HMAC {
    /// HMAC-SHA256 of `message` under `key`; always 32 bytes.
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // An empty array may have no base address; OpenSSL needs a real pointer even for length 0.
        let keyBytes = key.isEmpty ? [0] : key
        let messageBytes = message.isEmpty ? [0] : message
        let result = keyBytes.withUnsafeBufferPointer { keyBuffer in
            messageBytes.withUnsafeBufferPointer { messageBuffer in
                digest.withUnsafeMutableBufferPointer { out in
                    CCrypto.HMAC(
                        EVP_sha256(), keyBuffer.baseAddress, Int32(key.count),
                        messageBuffer.baseAddress, message.count, out.baseAddress, &length
                    )
                }
            }
        }
        guard result != nil, length == 32 else {
            fatalError("OpenSSL HMAC-SHA256 failed; the libcrypto installation is broken")
        }
        return Array(digest.prefix(Int(length)))
    }
}
