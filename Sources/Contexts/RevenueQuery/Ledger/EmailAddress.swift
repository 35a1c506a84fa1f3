import Foundation

/// How the product compares and checks email addresses.
///
/// Normalisation is only trimming and lower-casing: no plus-tag or dot removal, since that would
/// merge people Stripe keeps apart.
public enum EmailAddress {
    /// The longest address accepted (RFC 5321's path limit less the angle brackets).
    public static let maximumLength = 254

    /// Trims whitespace and lower-cases; nil when nothing is left.
    public static func normalize(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed.lowercased()
    }

    /// A cheap sanity check for arguments: one `@`, a non-empty local part, a domain with a dot
    /// inside it, no whitespace, at most 254 characters. It does not prove the address exists.
    public static func isPlausible(_ address: String) -> Bool {
        guard !address.isEmpty, address.utf8.count <= maximumLength else { return false }
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
}
