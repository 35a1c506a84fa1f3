import Foundation

extension ConfigReader {
    public func int() throws -> Int {
        let text = try string()
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("an integer", got: text)
        }
        return value
    }

    /// An integer greater than zero.
    public func positiveInt() throws -> Int {
        let value = try int()
        guard value > 0 else { throw invalid("a positive integer", got: "\(value)") }
        return value
    }

    /// An integer of zero or more.
    public func nonNegativeInt() throws -> Int {
        let value = try int()
        guard value >= 0 else { throw invalid("zero or a positive integer", got: "\(value)") }
        return value
    }

    /// A number greater than zero.
    public func positiveDouble() throws -> Double {
        let text = try string()
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw invalid("a number", got: text)
        }
        guard value > 0 else { throw invalid("a positive number", got: text) }
        return value
    }

    /// `true` or `false` (any case).
    public func bool() throws -> Bool {
        let text = try string()
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw invalid("true or false", got: text)
        }
    }

    /// An absolute http or https URL, returned without a trailing slash.
    public func httpURL() throws -> String {
        let text = try string()
        guard let parts = URLComponents(string: text),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host, !host.isEmpty
        else {
            throw invalid("an http or https URL", got: text)
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// A path; a relative one is resolved against `directory`.
    public func path(relativeTo directory: String) throws -> String {
        let text = try string()
        if text.hasPrefix("/") { return (text as NSString).standardizingPath }
        return ((directory as NSString).appendingPathComponent(text) as NSString).standardizingPath
    }
}
