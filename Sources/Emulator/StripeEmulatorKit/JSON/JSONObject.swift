/// A JSON object that keeps insertion order. Lookups are linear, which suits Stripe objects
/// (tens of keys) better than hashing every key.
public struct JSONObject: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: JSONValue)]

    public init(_ entries: [(String, JSONValue)] = []) {
        self.entries = entries.map { (key: $0.0, value: $0.1) }
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }

    /// Reading returns the value or nil; assigning replaces in place (keeping the key's position)
    /// or appends; assigning nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Removes `key` and returns its value. (Assigning the literal `nil` through the subscript
    /// also removes; assign `.null` to keep the key with a JSON null.)
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        return entries.remove(at: index).value
    }

    /// Sets a value at a dotted path (`"billing_details.email"`), creating objects on the way.
    public mutating func set(path: String, _ value: JSONValue) {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            self[path] = value
            return
        }
        var child = self[parts[0]]?.objectValue ?? JSONObject()
        child.set(path: parts[1], value)
        self[parts[0]] = .object(child)
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
