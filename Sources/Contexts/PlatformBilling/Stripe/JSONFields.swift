import Foundation

/// Reading fields of a Stripe object decoded by `JSONSerialization`, by dotted path.
extension Dictionary where Key == String, Value == Any {
    func value(at path: String) -> Any? {
        var current: Any? = self
        for part in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(part)]
        }
        return current
    }

    /// A string field, or nil when it is absent, null or not a string.
    func string(_ path: String) -> String? {
        value(at: path) as? String
    }

    /// An integer field (numbers and numeric strings, as Stripe sends metadata as strings).
    func int(_ path: String) -> Int64? {
        switch value(at: path) {
        case let number as NSNumber: number.int64Value
        case let text as String: Int64(text)
        default: nil
        }
    }

    func object(_ path: String) -> [String: Any]? {
        value(at: path) as? [String: Any]
    }

    /// A field that holds either an id or an expanded object with an `id`.
    func reference(_ path: String) -> String? {
        string(path) ?? object(path)?.string("id")
    }

    /// The objects of a list field (`items` → `items.data`).
    func listData(_ path: String) -> [[String: Any]] {
        (value(at: path + ".data") as? [[String: Any]]) ?? []
    }
}
