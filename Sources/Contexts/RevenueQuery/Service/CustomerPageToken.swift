import BridgeCrypto

/// Where a ListCustomers page ended: the sort value and email of its last row, and a
/// fingerprint of the listing (business, sort, filter) it belongs to. The next page starts
/// strictly after that position, so rows added or removed elsewhere do not shift it.
///
/// As text it is base64url (no padding) of a fixed layout: one version byte, the fingerprint
/// (8 bytes, big-endian), the value (8 bytes, big-endian two's complement), the email in
/// UTF-8, then a 4-byte checksum of all before it. It is not secret and not signed: the
/// checksum only catches mangled text, it does not stop anyone from forging a position.
struct CustomerPageToken: Equatable {
    /// The sort value of the last row shown.
    var value: Int64
    /// The normalised email of the last row shown.
    var email: String
    /// The listing the page belongs to; see `fingerprint(businessID:sort:filter:)`.
    var listing: UInt64

    private static let version: UInt8 = 1
    private static let headerCount = 17
    private static let checksumCount = 4
    /// Longer text cannot be a token: emails stay far below this.
    private static let maximumTextCount = 1_024

    init(value: Int64, email: String, listing: UInt64) {
        self.value = value
        self.email = email
        self.listing = listing
    }

    /// Reads a token this type wrote; nil for any other text, including re-encodings of one.
    init?(text: String) {
        guard text.utf8.count <= Self.maximumTextCount, let bytes = Base64URL.decode(text) else { return nil }
        let emailEnd = bytes.count - Self.checksumCount
        guard emailEnd > Self.headerCount, bytes[0] == Self.version,
            Self.integer(bytes[emailEnd...]) == Self.checksum(bytes[..<emailEnd])
        else { return nil }
        self.init(
            value: Int64(bitPattern: Self.integer(bytes[9..<17])),
            email: String(decoding: bytes[Self.headerCount..<emailEnd], as: UTF8.self),
            listing: Self.integer(bytes[1..<9]))
        // One token, one text: refuses other spellings of the same bytes, and invalid UTF-8
        // (decoding repairs it, so it does not encode back to the same text).
        guard self.text == text else { return nil }
    }

    /// The token as URL-safe text.
    var text: String {
        var bytes: [UInt8] = [Self.version]
        bytes.reserveCapacity(Self.headerCount + email.utf8.count + Self.checksumCount)
        Self.append(listing, to: &bytes)
        Self.append(UInt64(bitPattern: value), to: &bytes)
        bytes.append(contentsOf: email.utf8)
        Self.append(Self.checksum(bytes[...]), to: &bytes, count: Self.checksumCount)
        return Base64URL.encode(bytes)
    }

    /// A stable 64-bit FNV-1a hash of the listing's parts, each prefixed by its length so no
    /// two different listings are spelled the same. The same across restarts and builds.
    static func fingerprint(businessID: String, sort: String, filter: String) -> UInt64 {
        var bytes: [UInt8] = []
        for part in [businessID, sort, filter] {
            append(UInt64(part.utf8.count), to: &bytes)
            bytes.append(contentsOf: part.utf8)
        }
        return fnv1a(bytes[...])
    }

    /// The low 32 bits of the FNV-1a hash: enough to catch a mangled token.
    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        fnv1a(bytes) & 0xffff_ffff
    }

    private static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    /// Appends the low `count` bytes of `number`, most significant first.
    private static func append(_ number: UInt64, to bytes: inout [UInt8], count: Int = 8) {
        for shift in stride(from: (count - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: number >> UInt64(shift)))
        }
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
