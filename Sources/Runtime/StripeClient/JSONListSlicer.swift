/// Finds the byte ranges of the elements of the top-level `"data"` array in a Stripe list
/// response, so each object can be stored exactly as Stripe sent it.
///
/// It only tracks strings, nesting and separators; it does not validate JSON, which
/// `JSONSerialization` has already done by the time this runs.
struct JSONListSlicer {
    private let bytes: [UInt8]
    private var index = 0

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")

    /// Element ranges of `data`, or nil when the text has no such array or is malformed.
    static func dataElements(in bytes: [UInt8]) -> [Range<Int>]? {
        var slicer = JSONListSlicer(bytes: bytes)
        return slicer.topLevelData()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func topLevelData() -> [Range<Int>]? {
        skipWhitespace()
        guard consume(Self.openBrace) else { return nil }
        while true {
            skipWhitespace()
            let keyStart = index + 1
            guard peek() == Self.quote, skipString() else { return nil }
            let key = bytes[keyStart..<(index - 1)]
            skipWhitespace()
            guard consume(Self.colon) else { return nil }
            skipWhitespace()
            if key.elementsEqual("data".utf8) { return arrayElements() }
            guard skipValue() else { return nil }
            skipWhitespace()
            guard consume(Self.comma) else { return nil }
        }
    }

    private mutating func arrayElements() -> [Range<Int>]? {
        guard consume(Self.openBracket) else { return nil }
        var ranges: [Range<Int>] = []
        skipWhitespace()
        if consume(Self.closeBracket) { return ranges }
        while true {
            skipWhitespace()
            let start = index
            guard skipValue() else { return nil }
            ranges.append(start..<index)
            skipWhitespace()
            if consume(Self.closeBracket) { return ranges }
            guard consume(Self.comma) else { return nil }
        }
    }

    private mutating func skipValue() -> Bool {
        guard let first = peek() else { return false }
        switch first {
        case Self.quote: return skipString()
        case Self.openBrace, Self.openBracket: return skipNested()
        default:
            let start = index
            while let byte = peek(), !Self.isDelimiter(byte) { index += 1 }
            return index > start
        }
    }

    /// Skips an object or array, counting brackets outside strings.
    private mutating func skipNested() -> Bool {
        var depth = 0
        while let byte = peek() {
            switch byte {
            case Self.quote:
                guard skipString() else { return false }
                continue
            case Self.openBrace, Self.openBracket:
                depth += 1
            case Self.closeBrace, Self.closeBracket:
                depth -= 1
                if depth == 0 {
                    index += 1
                    return true
                }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// Skips a string starting at its opening quote; leaves `index` after the closing one.
    private mutating func skipString() -> Bool {
        index += 1
        while let byte = peek() {
            index += 1
            if byte == Self.backslash {
                index += 1
            } else if byte == Self.quote {
                return true
            }
        }
        return false
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 { index += 1 }
    }

    private mutating func consume(_ expected: UInt8) -> Bool {
        guard peek() == expected else { return false }
        index += 1
        return true
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == comma || byte == closeBrace || byte == closeBracket
            || byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09
    }
}
