import CSQLite

/// The current row of a query. Valid only inside the callback that received it.
///
/// Columns are numbered from 0, in the order of the SELECT list.
public struct Row {
    let statement: OpaquePointer

    public func int(_ i: Int32) -> Int64 {
        sqlite3_column_int64(statement, i)
    }

    public func optionalInt(_ i: Int32) -> Int64? {
        isNull(i) ? nil : int(i)
    }

    /// The column as UTF-8 text; an empty string for NULL.
    public func text(_ i: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, i) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, i))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalText(_ i: Int32) -> String? {
        isNull(i) ? nil : text(i)
    }

    /// The column's bytes; empty for NULL or an empty blob.
    public func blob(_ i: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(statement, i) else { return [] }
        let count = Int(sqlite3_column_bytes(statement, i))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func isNull(_ i: Int32) -> Bool {
        sqlite3_column_type(statement, i) == SQLITE_NULL
    }
}
