import Foundation

/// How the product compares and checks email addresses.
///
/// Normalisation is only trimming and lower-casing: no plus-tag or dot removal, since that would
/// merge people Stripe keeps apart.
public enum EmailAddress {
    /// The longest address accepted (RFC 5321's path limit less the angle brackets).
    public static let maximumLength = 254

    /// Trims whitespace and lower-cases; nil when nothing is left, or when what is left holds a
    /// control character (a NUL would cut the address short on its way out through protobuf-c).
    public static func normalize(_ raw: String?) -> String? {
        guard let raw else { return nil }
        if isPrintableASCII(raw, allowingUpperCase: false) { return raw }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return trimmed.lowercased()
    }

    /// A cheap sanity check for arguments: one `@`, a non-empty local part, a domain with a dot
    /// inside it, no whitespace, at most 254 characters. It does not prove the address exists.
    public static func isPlausible(_ address: String) -> Bool {
        guard !address.isEmpty, address.utf8.count <= maximumLength else { return false }
        if let answer = plausibleIfPrintableASCII(address, allowingUpperCase: true) { return answer }
        guard !address.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, domain.contains(".") else { return false }
        return domain.first != "." && domain.last != "."
    }

    /// Non-empty, only printable ASCII (no space or control byte), upper case as asked: text
    /// that normalisation leaves as it is, checked without Foundation.
    static func isPrintableASCII(_ text: String, allowingUpperCase: Bool) -> Bool {
        guard !text.isEmpty else { return false }
        for byte in text.utf8 {
            guard byte > 0x20, byte < 0x7F else { return false }
            if !allowingUpperCase, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return false }
        }
        return true
    }

    /// `isPlausible` in one pass over the bytes for text that is already normalised printable
    /// ASCII, as the grids send it; nil for any other text, which takes the general path.
    static func isPlausibleNormalizedASCII(_ address: String) -> Bool? {
        plausibleIfPrintableASCII(address, allowingUpperCase: false)
    }

    /// `isPlausible` on the bytes when `address` is printable ASCII (upper case as asked);
    /// nil for any other text.
    private static func plausibleIfPrintableASCII(_ address: String, allowingUpperCase: Bool) -> Bool? {
        var address = address
        return address.withUTF8 { bytes -> Bool? in
            guard !bytes.isEmpty, bytes.count <= maximumLength else { return nil }
            var at = -1
            var lastDot = -1
            for (index, byte) in bytes.enumerated() {
                guard byte > 0x20, byte < 0x7F else { return nil }
                if !allowingUpperCase, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return nil }
                if byte == UInt8(ascii: "@") {
                    if at >= 0 { return false }
                    at = index
                } else if byte == UInt8(ascii: "."), at >= 0 {
                    lastDot = index
                }
            }
            // A local part, then a domain with a dot in it that neither starts nor ends it.
            return at > 0 && lastDot > at && bytes[at + 1] != UInt8(ascii: ".")
                && bytes[bytes.count - 1] != UInt8(ascii: ".")
        }
    }
}
