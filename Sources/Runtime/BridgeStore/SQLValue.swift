/// A value bound to, or read from, an SQLite statement.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])

    /// `.text`, or `.null` when `value` is nil.
    public init(_ value: String?) {
        self = value.map(SQLValue.text) ?? .null
    }

    /// `.integer`, or `.null` when `value` is nil.
    public init(_ value: Int?) {
        self = value.map { .integer(Int64($0)) } ?? .null
    }

    /// `.integer`, or `.null` when `value` is nil.
    public init(_ value: Int64?) {
        self = value.map(SQLValue.integer) ?? .null
    }

    /// `1` for true, `0` for false: SQLite has no boolean type.
    public init(_ value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}
