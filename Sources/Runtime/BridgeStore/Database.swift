import BridgeLog
import CSQLite
import Foundation

/// One SQLite connection, owned by this object and closed by `close()` or `deinit`.
///
/// Opens in WAL mode with `synchronous=NORMAL`, `foreign_keys=ON` and a 5 s busy timeout.
/// Prepared statements are cached by SQL text. It does not pool connections: a process that
/// needs parallel readers opens several `Database`s.
// Safe to share: every access to the connection and the statement cache happens while
// holding `lock`, which is recursive so a query callback may run further statements.
public final class Database: @unchecked Sendable {
    private var connection: OpaquePointer?
    private var statements: [String: PreparedStatement] = [:]
    private var transactionDepth = 0
    private let lock = NSRecursiveLock()
    let logger: Logger
    public let path: String

    private static let maxCachedStatements = 128

    public init(path: String, logger: Logger) throws {
        self.path = path
        self.logger = logger
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)  // a half-opened handle must still be released
            throw StoreError(
                code: code,
                message:
                    "cannot open database at \(path): \(message); "
                    + "check the directory exists and is writable",
                sql: ""
            )
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)  // always SQLITE_OK
        sqlite3_busy_timeout(handle, 5_000)  // always SQLITE_OK
        do {
            try query("PRAGMA journal_mode=WAL") { _ in }
            // A 32 MiB page cache and rarer checkpoints: bulk mirroring writes pages of large rows.
            try executeScript(
                """
                PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;
                PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=4000;
                """
            )
        } catch {
            close()
            throw error
        }
        logger.debug("opened database", ["db.path": path])
    }

    deinit {
        close()
    }

    /// Finalizes cached statements and closes the connection. Later calls throw.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        statements.removeAll()
        if let connection {
            sqlite3_close_v2(connection)  // v2 defers the close if a statement is somehow still live
            self.connection = nil
        }
    }

    // MARK: Statements

    /// Runs one statement to completion; any result rows are discarded.
    public func execute(_ sql: String, _ args: [SQLValue] = []) throws {
        try run(sql, args) { _ in true }
    }

    /// Runs several `;`-separated statements that take no arguments.
    public func executeScript(_ sql: String) throws {
        try locked {
            let db = try open(sql)
            var message: UnsafeMutablePointer<CChar>?
            let code = sqlite3_exec(db, sql, nil, nil, &message)
            let text = message.map { String(cString: $0) }
            sqlite3_free(message)
            guard code == SQLITE_OK else {
                throw StoreError(
                    code: code, extendedCode: sqlite3_extended_errcode(db),
                    message: text ?? String(cString: sqlite3_errmsg(db)), sql: sql
                )
            }
        }
    }

    /// Calls `each` once per result row.
    public func query(_ sql: String, _ args: [SQLValue] = [], _ each: (Row) throws -> Void) throws {
        try run(sql, args) { row in
            try each(row)
            return true
        }
    }

    /// Maps the first result row, or returns nil when there is none.
    public func queryOne<T>(_ sql: String, _ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        var result: T?
        try run(sql, args) { row in
            result = try map(row)
            return false
        }
        return result
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int {
        locked { connection.map { Int(sqlite3_changes($0)) } ?? 0 }
    }

    public var lastInsertRowID: Int64 {
        locked { connection.map { sqlite3_last_insert_rowid($0) } ?? 0 }
    }

    // MARK: Transactions

    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    /// Nested calls use a SAVEPOINT, so an inner failure undoes only the inner work.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try locked {
            let depth = transactionDepth
            let savepoint = "sb_savepoint_\(depth)"
            try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            let result: T
            do {
                result = try body()
            } catch {
                rollback(depth: depth, savepoint: savepoint)
                throw error
            }
            do {
                try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
            } catch {
                rollback(depth: depth, savepoint: savepoint)
                throw error
            }
            return result
        }
    }

    private func rollback(depth: Int, savepoint: String) {
        do {
            if depth == 0 {
                try execute("ROLLBACK")
            } else {
                try execute("ROLLBACK TO \(savepoint)")
                try execute("RELEASE \(savepoint)")
            }
        } catch {
            // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
            logger.debug("rollback failed", ["db.error": "\(error)"])
        }
    }

    // MARK: Internals

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func open(_ sql: String) throws -> OpaquePointer {
        guard let connection else {
            throw StoreError(code: SQLITE_MISUSE, message: "database \(path) is already closed", sql: sql)
        }
        return connection
    }

    /// Steps `sql` and hands each row to `onRow`, which returns false to stop early.
    private func run(_ sql: String, _ args: [SQLValue], _ onRow: (Row) throws -> Bool) throws {
        try locked {
            let db = try open(sql)
            let statement = try statement(for: sql, connection: db)
            statement.inUse = true
            defer {
                statement.reset()
                statement.inUse = false
            }
            try statement.bind(args, connection: db)
            while true {
                let code = sqlite3_step(statement.handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw Database.error(db, code: code, sql: sql) }
                guard try onRow(Row(statement: statement.handle)) else { return }
            }
        }
    }

    private func statement(for sql: String, connection db: OpaquePointer) throws -> PreparedStatement {
        if let cached = statements[sql], !cached.inUse { return cached }
        let fresh = try PreparedStatement(connection: db, sql: sql)
        if statements[sql] == nil {
            if statements.count >= Database.maxCachedStatements {
                statements = statements.filter { $0.value.inUse }
            }
            statements[sql] = fresh
        }
        return fresh
    }

    static func error(_ connection: OpaquePointer, code: Int32, sql: String) -> StoreError {
        StoreError(
            code: code,
            extendedCode: sqlite3_extended_errcode(connection),
            message: String(cString: sqlite3_errmsg(connection)),
            sql: sql
        )
    }
}
