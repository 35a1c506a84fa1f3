import Foundation

/// The customer search: a case-insensitive substring match, the text lower-cased and then
/// compared as UTF-8 bytes. A needle of whole UTF-8 characters can only match at character
/// boundaries, so this finds what a character search would for text in the same Unicode
/// normal form, without Foundation's locale-aware search, which cost a search over 200,000
/// customers most of a second.
struct TextFilter: Sendable {
    /// The lower-cased filter as UTF-8; empty matches everything.
    private let needle: [UInt8]

    /// `filter` as typed; surrounding whitespace is ignored.
    init(_ filter: String) {
        needle = Array(filter.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().utf8)
    }

    var isEmpty: Bool { needle.isEmpty }

    /// Whether `text`, lower-cased, contains the filter.
    func matches(_ text: String) -> Bool {
        matches(lowercased: text.lowercased())
    }

    /// Whether `text`, already lower-case (a normalised email), contains the filter.
    func matches(lowercased text: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= needle.count else { return false }
            let first = needle[0]
            for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }
    }
}
