/// A byte-level JSON reader. Besides full parsing it can skip values without building them,
/// which lets the dataset loader index large files while keeping objects as their bytes.
struct JSONParser {
    let bytes: [UInt8]
    private(set) var position = 0
    private var depth = 0
    private static let maximumDepth = 512

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parseDocument(_ bytes: [UInt8]) throws -> JSONValue {
        var parser = JSONParser(bytes)
        let value = try parser.parseValue()
        try parser.expectEnd()
        return value
    }

    mutating func expectEnd() throws {
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected data after the document") }
    }

    func fail(_ message: String) -> JSONError {
        JSONError(message, offset: position)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next non-space byte, without consuming it.
    mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw fail("unexpected end of input") }
        return bytes[position]
    }

    mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    /// Consumes `byte` if it comes next.
    mutating func consume(_ byte: UInt8) throws -> Bool {
        guard try peek() == byte else { return false }
        position += 1
        return true
    }

    mutating func parseValue() throws -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        default: return try parseNumber()
        }
    }

    mutating func parseObject() throws -> JSONObject {
        var object = JSONObject()
        try forEachKey { key, parser in
            object[key] = try parser.parseValue()
        }
        return object
    }

    /// Walks an object's keys; `body` must consume (parse or skip) each key's value.
    mutating func forEachKey(_ body: (String, inout JSONParser) throws -> Void) throws {
        try enter()
        try expect(UInt8(ascii: "{"))
        if try consume(UInt8(ascii: "}")) { return leave() }
        repeat {
            guard try peek() == UInt8(ascii: "\"") else { throw fail("expected an object key") }
            let key = try parseString()
            try expect(UInt8(ascii: ":"))
            try body(key, &self)
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        leave()
    }

    /// Like `forEachKey`, but hands over each key's raw bytes (escapes undecoded) instead of a
    /// `String`: cheaper when most keys are skipped.
    mutating func forEachRawKey(_ body: (Range<Int>, inout JSONParser) throws -> Void) throws {
        try enter()
        try expect(UInt8(ascii: "{"))
        if try consume(UInt8(ascii: "}")) { return leave() }
        repeat {
            guard try peek() == UInt8(ascii: "\"") else { throw fail("expected an object key") }
            let keyStart = position + 1
            try skipString()
            let keyRange = keyStart..<(position - 1)
            try expect(UInt8(ascii: ":"))
            try body(keyRange, &self)
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        leave()
    }

    /// Whether the bytes in `range` spell `word`.
    func bytes(in range: Range<Int>, equal word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { wordBytes in
            var index = 0
            for position in range {
                if bytes[position] != wordBytes[index] { return false }
                index += 1
            }
            return true
        }
    }

    mutating func parseArray() throws -> [JSONValue] {
        var items: [JSONValue] = []
        try forEachElement { parser in items.append(try parser.parseValue()) }
        return items
    }

    /// Walks an array; `body` must consume each element.
    mutating func forEachElement(_ body: (inout JSONParser) throws -> Void) throws {
        try enter()
        try expect(UInt8(ascii: "["))
        if try consume(UInt8(ascii: "]")) { return leave() }
        repeat {
            try body(&self)
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        leave()
    }

    /// Skips one value and returns the byte range it occupied. Objects and arrays are skipped
    /// by a fast scan that checks strings and bracket pairing but not commas and colons.
    @discardableResult
    mutating func skipValue() throws -> Range<Int> {
        skipWhitespace()
        let start = position
        switch try peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            position = try Self.endOfContainer(in: bytes, from: position)
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try parseValue()
        }
        return start..<position
    }

    /// The index just past the object or array starting at `start`.
    private static func endOfContainer(in bytes: [UInt8], from start: Int) throws -> Int {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        return try bytes.withUnsafeBufferPointer { buffer in
            var open: [UInt8] = []
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                switch byte {
                case quote:
                    index += 1
                    while index < buffer.count, buffer[index] != quote {
                        index += buffer[index] == backslash ? 2 : 1
                    }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    open.append(byte)
                    guard open.count <= maximumDepth else {
                        throw JSONError("nesting deeper than \(maximumDepth)", offset: index)
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    let expected = byte == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")
                    guard open.popLast() == expected else {
                        throw JSONError("mismatched '\(Character(Unicode.Scalar(byte)))'", offset: index)
                    }
                    if open.isEmpty { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            throw JSONError("unterminated object or array", offset: start)
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth)") }
    }

    private mutating func leave() {
        depth -= 1
    }

    private mutating func expectWord(_ word: String) throws {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { throw fail("expected \(word)") }
            position += 1
        }
    }

    private mutating func skipString() throws {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"): position += 2
            default: position += 1
            }
        }
        throw fail("unterminated string")
    }

    mutating func parseString() throws -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""),
            bytes[position] != UInt8(ascii: "\\")
        {
            position += 1
        }
        guard position < bytes.count else { throw fail("unterminated string") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
        }
        var out = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"): try appendEscape(to: &out)
            default: out.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func appendEscape(to out: inout [UInt8]) throws {
        guard position < bytes.count else { throw fail("unterminated escape") }
        let code = bytes[position]
        position += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
                bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            {
                position += 2
                let low = try readHex4()
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: String(Character(character)).utf8)
        default: throw fail("unknown escape")
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("bad hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = position
        var isInteger = true
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): position += 1
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                isInteger = false
                position += 1
            default:
                break
            }
            if position < bytes.count, !Self.isNumberByte(bytes[position]) { break }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let number = Int64(text) { return .int(number) }
        guard let number = Double(text), !text.isEmpty else {
            position = start
            throw fail("expected a value")
        }
        return .double(number)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }
}
