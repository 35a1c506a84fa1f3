import BridgeStore
import ProtoBridge

/// The `outbox` table of one service's database.
///
/// `enqueue` is meant to run inside the caller's transaction, next to the change it announces,
/// so that a change and the message about it are committed together or not at all.
public struct OutboxStore: Sendable {
    public static let migration = Migration(
        version: 1_000,
        sql: """
            CREATE TABLE IF NOT EXISTS outbox (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                method TEXT NOT NULL,
                business_id TEXT NOT NULL,
                payload BLOB NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT
            );
            CREATE INDEX IF NOT EXISTS outbox_business ON outbox(business_id);
            CREATE TABLE IF NOT EXISTS outbox_rejected (
                sequence INTEGER PRIMARY KEY,
                method TEXT NOT NULL,
                business_id TEXT NOT NULL,
                payload BLOB NOT NULL,
                error TEXT NOT NULL,
                rejected_at INTEGER NOT NULL
            );
            """
    )

    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func enqueue<Request, Response>(
        _ method: RPCMethod<Request, Response>, _ request: Request, businessID: String
    ) throws {
        try database.execute(
            "INSERT INTO outbox (method, business_id, payload) VALUES (?, ?, ?)",
            [.text(method.name), .text(businessID), .blob(request.serialized())]
        )
    }

    /// The oldest undelivered messages, in the order they were written.
    public func pending(limit: Int) throws -> [OutboxMessage] {
        var out: [OutboxMessage] = []
        try database.query(
            "SELECT sequence, method, payload, business_id FROM outbox ORDER BY sequence LIMIT ?",
            [.integer(Int64(limit))]
        ) { row in
            out.append(
                OutboxMessage(
                    sequence: row.int(0), method: row.text(1), payload: row.blob(2), businessID: row.text(3)
                ))
        }
        return out
    }

    public func markDelivered(_ sequence: Int64) throws {
        try database.execute("DELETE FROM outbox WHERE sequence = ?", [.integer(sequence)])
    }

    public func markFailed(_ sequence: Int64, error: String) throws {
        try database.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE sequence = ?",
            [.text(error), .integer(sequence)]
        )
    }

    /// Moves a message its receiver refuses for good out of the way of the ones behind it,
    /// keeping it (with the refusal) for an operator to inspect and replay.
    public func markRejected(_ sequence: Int64, error: String, now: Int64) throws {
        try database.transaction {
            try database.execute(
                """
                INSERT INTO outbox_rejected (sequence, method, business_id, payload, error, rejected_at)
                SELECT sequence, method, business_id, payload, ?, ? FROM outbox WHERE sequence = ?
                """,
                [.text(error), .integer(now), .integer(sequence)]
            )
            try database.execute("DELETE FROM outbox WHERE sequence = ?", [.integer(sequence)])
        }
    }

    public func rejectedCount() throws -> Int {
        Int(try database.queryOne("SELECT COUNT(*) FROM outbox_rejected") { $0.int(0) } ?? 0)
    }

    public func pendingCount(businessID: String? = nil) throws -> Int {
        let count: Int64?
        if let businessID {
            count = try database.queryOne("SELECT COUNT(*) FROM outbox WHERE business_id = ?", [.text(businessID)]) {
                $0.int(0)
            }
        } else {
            count = try database.queryOne("SELECT COUNT(*) FROM outbox") { $0.int(0) }
        }
        return Int(count ?? 0)
    }
}
