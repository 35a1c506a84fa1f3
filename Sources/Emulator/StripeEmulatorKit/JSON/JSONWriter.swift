/// Serializes `JSONValue`s compactly into a byte buffer.
public struct JSONWriter {
    public private(set) var output: [UInt8] = []

    public init(reservingCapacity capacity: Int = 256) {
        output.reserveCapacity(capacity)
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: appendASCII("null")
        case .bool(let flag): appendASCII(flag ? "true" : "false")
        case .int(let number): appendASCII(String(number))
        case .double(let number):
            appendASCII(number.isFinite ? String(number) : "null")
        case .string(let text): writeString(text)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(entry.key)
                output.append(UInt8(ascii: ":"))
                write(entry.value)
            }
            output.append(UInt8(ascii: "}"))
        case .encoded(let bytes): output.append(contentsOf: bytes)
        }
    }

    /// Appends raw bytes, e.g. punctuation or pre-serialized JSON.
    public mutating func appendRaw(_ bytes: [UInt8]) {
        output.append(contentsOf: bytes)
    }

    public mutating func appendASCII(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    public mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        let needsEscaping = text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
        }
        guard needsEscaping else {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): appendASCII("\\\"")
            case UInt8(ascii: "\\"): appendASCII("\\\\")
            case UInt8(ascii: "\n"): appendASCII("\\n")
            case UInt8(ascii: "\r"): appendASCII("\\r")
            case UInt8(ascii: "\t"): appendASCII("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                appendASCII("\\u00")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 15)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
