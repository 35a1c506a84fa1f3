import BridgeLog
import BridgeStore
import Foundation
import XCTest

final class StoreTests: XCTestCase {
    private var directory: URL!
    private var database: Database!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Database(
            path: directory.appendingPathComponent("test.sqlite").path, logger: quietLogger)
    }

    override func tearDownWithError() throws {
        database?.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private var quietLogger: Logger { Logger(label: "store-tests", level: .critical) }

    private func count(_ table: String) throws -> Int64 {
        try database.queryOne("SELECT count(*) FROM \(table)") { $0.int(0) } ?? -1
    }

    func testMigrationsApplyOnceAndInOrder() throws {
        let migrations = [
            Migration(version: 2, sql: "INSERT INTO items (name) VALUES ('seed');"),
            Migration(version: 1, sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"),
        ]
        try database.migrate(migrations)
        try database.migrate(migrations)
        XCTAssertEqual(try count("items"), 1)
        XCTAssertEqual(try count("schema_migrations"), 2)

        try database.migrate(
            migrations + [Migration(version: 3, sql: "ALTER TABLE items ADD COLUMN note TEXT;")])
        XCTAssertEqual(try count("schema_migrations"), 3)
    }

    func testADatabaseFromANewerBuildIsRefused() throws {
        try database.migrate([
            Migration(version: 1, sql: "CREATE TABLE a (x INTEGER);"), Migration(version: 2, sql: "SELECT 1;"),
        ])
        XCTAssertThrowsError(try database.migrate([Migration(version: 1, sql: "CREATE TABLE a (x INTEGER);")])) {
            XCTAssertTrue("\($0)".contains("written by a newer build (schema version 2"), "\($0)")
        }
    }

    func testFailingMigrationLeavesNoTrace() throws {
        let migrations = [
            Migration(version: 1, sql: "CREATE TABLE a (x INTEGER); CREATE TABLE broken (;")
        ]
        XCTAssertThrowsError(try database.migrate(migrations))
        XCTAssertEqual(try count("schema_migrations"), 0)
        XCTAssertNil(
            try database.queryOne("SELECT name FROM sqlite_master WHERE name = 'a'") { $0.text(0) })
    }

    func testDuplicateMigrationVersionsAreRejected() {
        let migrations = [Migration(version: 1, sql: "SELECT 1;"), Migration(version: 1, sql: "SELECT 2;")]
        XCTAssertThrowsError(try database.migrate(migrations)) { error in
            XCTAssertTrue("\(error)".contains("unique"), "\(error)")
        }
    }

    func testTransactionRollbackLeavesNothing() throws {
        try database.executeScript("CREATE TABLE t (v INTEGER);")
        struct Abort: Error {}
        XCTAssertThrowsError(
            try database.transaction {
                try database.execute("INSERT INTO t (v) VALUES (?)", [1])
                try database.execute("INSERT INTO t (v) VALUES (?)", [2])
                throw Abort()
            })
        XCTAssertEqual(try count("t"), 0)
        let value = try database.transaction {
            try database.execute("INSERT INTO t (v) VALUES (?)", [3])
            return database.changes
        }
        XCTAssertEqual(value, 1)
        XCTAssertEqual(try count("t"), 1)
    }

    func testNestedTransactionsUseSavepoints() throws {
        try database.executeScript("CREATE TABLE t (v INTEGER);")
        struct Abort: Error {}
        try database.transaction {
            try database.execute("INSERT INTO t (v) VALUES (1)")
            XCTAssertThrowsError(
                try database.transaction {
                    try database.execute("INSERT INTO t (v) VALUES (2)")
                    throw Abort()
                })
            try database.transaction {
                try database.execute("INSERT INTO t (v) VALUES (3)")
            }
        }
        var values: [Int64] = []
        try database.query("SELECT v FROM t ORDER BY v") { values.append($0.int(0)) }
        XCTAssertEqual(values, [1, 3])
    }

    func testConcurrentWritersFromSeveralThreads() throws {
        try database.executeScript("CREATE TABLE t (thread INTEGER, n INTEGER);")
        let db = database!
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for n in 0..<25 {
                do {
                    try db.transaction {
                        try db.execute(
                            "INSERT INTO t (thread, n) VALUES (?, ?)", [SQLValue(thread), SQLValue(n)])
                        _ = db.lastInsertRowID
                    }
                } catch {
                    XCTFail("thread \(thread): \(error)")
                }
            }
        }
        XCTAssertEqual(try count("t"), 200)
    }

    func testTwoConnectionsToOneFileWaitForEachOther() throws {
        try database.executeScript("CREATE TABLE t (v INTEGER);")
        let first = database!
        let second = try Database(path: first.path, logger: quietLogger)
        defer { second.close() }
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let db = index == 0 ? first : second
            for n in 0..<40 {
                do {
                    try db.transaction { try db.execute("INSERT INTO t (v) VALUES (?)", [SQLValue(n)]) }
                } catch {
                    XCTFail("connection \(index): \(error)")
                }
            }
        }
        XCTAssertEqual(try count("t"), 80)
    }

    func testValuesRoundTrip() throws {
        try database.executeScript("CREATE TABLE t (i INTEGER, s TEXT, b BLOB, n TEXT, e BLOB);")
        let blob: [UInt8] = [0, 1, 2, 255, 0]
        let text = "héllo ✓ \u{0}tail"
        try database.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [.integer(Int64.max), .text(text), .blob(blob), nil, .blob([])]
        )
        XCTAssertEqual(database.lastInsertRowID, 1)
        let row = try database.queryOne("SELECT i, s, b, n, e FROM t") { row in
            (
                row.int(0), row.text(1), row.blob(2), row.optionalText(3), row.isNull(3), row.blob(4),
                row.isNull(4)
            )
        }
        XCTAssertEqual(row?.0, Int64.max)
        XCTAssertEqual(row?.1, text)
        XCTAssertEqual(row?.2, blob)
        XCTAssertNil(row?.3)
        XCTAssertEqual(row?.4, true)
        XCTAssertEqual(row?.5, [])
        XCTAssertEqual(row?.6, false)
        XCTAssertEqual(SQLValue(nil as String?), .null)
        XCTAssertEqual(SQLValue(true), .integer(1))
        XCTAssertEqual(SQLValue(7 as Int?), .integer(7))
    }

    func testErrorNamesTheSQLButNotTheValues() throws {
        try database.executeScript("CREATE TABLE users (email TEXT UNIQUE);")
        let email = "secret.person@example.com"
        let insert = "INSERT INTO users (email) VALUES (?)"
        try database.execute(insert, [.text(email)])
        XCTAssertThrowsError(try database.execute(insert, [.text(email)])) { error in
            guard let storeError = error as? StoreError else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(storeError.isConstraintViolation)
            XCTAssertEqual(storeError.sql, insert)
            XCTAssertTrue(storeError.description.contains(insert))
            XCTAssertTrue(storeError.description.contains("UNIQUE"))
            XCTAssertFalse(storeError.description.contains(email))
        }
        XCTAssertThrowsError(try database.execute("SELEC nonsense")) { error in
            XCTAssertTrue("\(error)".contains("SELEC nonsense"))
        }
        XCTAssertThrowsError(try database.execute(insert, [])) { error in
            XCTAssertTrue("\(error)".contains("expects 1 argument"), "\(error)")
        }
    }

    func testNestedQueryWithSameSQLAndClose() throws {
        try database.executeScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2);")
        var pairs = 0
        try database.query("SELECT v FROM t") { _ in
            try database.query("SELECT v FROM t") { _ in pairs += 1 }
        }
        XCTAssertEqual(pairs, 4)
        database.close()
        XCTAssertThrowsError(try database.execute("SELECT 1")) { error in
            XCTAssertTrue("\(error)".contains("closed"))
        }
    }

    func testOpenFailureNamesThePath() {
        let path = directory.appendingPathComponent("missing/dir/db.sqlite").path
        XCTAssertThrowsError(try Database(path: path, logger: quietLogger)) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)")
        }
    }
}
