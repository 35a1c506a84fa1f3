import CCrypto

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes`.
public enum SecureRandom {
    /// `n` random bytes. Traps when the generator cannot be seeded: continuing without
    /// randomness would silently produce guessable tokens.
    public static func bytes(_ n: Int) -> [UInt8] {
        precondition(n >= 0, "SecureRandom.bytes needs a non-negative count, got \(n)")
        guard n > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: n)
        let status = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(n)) }
        guard status == 1 else {
            fatalError(
                "OpenSSL RAND_bytes failed (status \(status)); the system has no usable entropy source")
        }
        return out
    }

    /// A URL-safe token: `bytes` random bytes in base64url without padding.
    public static func token(bytes count: Int) -> String {
        Base64URL.encode(bytes(count))
    }
}
