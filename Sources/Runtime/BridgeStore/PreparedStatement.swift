import CSQLite
import CShims

/// Owns one `sqlite3_stmt`: prepares it, binds arguments, steps it and finalizes it.
///
/// Used only by `Database` while it holds its lock.
final class PreparedStatement {
    let handle: OpaquePointer
    let sql: String
    /// Set while a query walks this statement's rows, so a nested call with the same SQL
    /// prepares a fresh statement instead of resetting this one under its feet.
    var inUse = false

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)  // finalizing NULL is a harmless no-op
            throw Database.error(connection, code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)  // returns the last step's error, already reported by then
    }

    func bind(_ args: [SQLValue], connection: OpaquePointer) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == args.count else {
            throw StoreError(
                code: SQLITE_RANGE,
                message: "statement expects \(expected) argument(s) but \(args.count) were given",
                sql: sql
            )
        }
        for (offset, value) in args.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                code = text.withCString { pointer in
                    sqlite3_bind_text(handle, index, pointer, Int32(text.utf8.count), sb_sqlite_transient())
                }
            case .blob(let bytes) where bytes.isEmpty:
                code = sqlite3_bind_zeroblob(handle, index, 0)  // a blob, not NULL
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(
                        handle, index, buffer.baseAddress, Int32(buffer.count), sb_sqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw Database.error(connection, code: code, sql: sql) }
        }
    }

    /// Clears the cursor and the bindings so the cached statement holds no argument values.
    func reset() {
        sqlite3_reset(handle)  // repeats the last step's error, which the caller already saw
        sqlite3_clear_bindings(handle)  // always SQLITE_OK
    }
}
