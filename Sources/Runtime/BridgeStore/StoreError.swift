import CSQLite

/// An SQLite failure: the result code, SQLite's message and the SQL text that failed.
///
/// Bound values are never kept, so a description is safe to log even when the arguments
/// held secrets or emails.
public struct StoreError: Error, CustomStringConvertible {
    /// Primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    public let code: Int32
    /// Extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …); equals `code` when there is none.
    public let extendedCode: Int32
    public let message: String
    public let sql: String

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String) {
        self.code = code & 0xff
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// True for UNIQUE, PRIMARY KEY, FOREIGN KEY, CHECK and NOT NULL violations.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        return "SQLite error \(code) (\(name)): \(message); statement: \(sql)"
    }
}
