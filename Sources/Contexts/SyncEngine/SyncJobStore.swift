import BridgeStore
import Contracts

/// The `sync_jobs` rows: one per run, with per-type counts and errors.
struct SyncJobStore: Sendable {
    let database: Database

    func create(businessID: String, stripeAccountID: String, trigger: SyncV1.Trigger, now: Int64) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO sync_jobs (business_id, stripe_account_id, trigger, state, started_at)
            VALUES (?, ?, ?, 'running', ?)
            """,
            [.text(businessID), .text(stripeAccountID), .integer(Int64(trigger.rawValue)), .integer(now)]
        )
        return database.lastInsertRowID
    }

    func recordType(jobID: Int64, type: String, count: Int, state: SyncJobState, error: String?) throws {
        try database.execute(
            """
            INSERT INTO sync_job_types (job_id, object_type, count, state, error) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (job_id, object_type) DO UPDATE
            SET count = excluded.count, state = excluded.state, error = excluded.error
            """,
            [.integer(jobID), .text(type), .integer(Int64(count)), .text(state.rawValue), SQLValue(error)]
        )
    }

    func finish(jobID: Int64, state: SyncJobState, error: String?, now: Int64) throws {
        try database.execute(
            "UPDATE sync_jobs SET state = ?, finished_at = ?, error = ? WHERE id = ?",
            [.text(state.rawValue), .integer(now), SQLValue(error), .integer(jobID)]
        )
    }

    /// Jobs left running by a process that stopped; they are marked failed at start.
    func abandonRunning(now: Int64) throws {
        try database.execute(
            """
            UPDATE sync_jobs SET state = 'failed', finished_at = ?,
                error = 'interrupted: the sync engine stopped during the run'
            WHERE state = 'running'
            """,
            [.integer(now)]
        )
    }

    func job(_ id: Int64) throws -> SyncV1.SyncJob? {
        try jobs(where: "id = ?", [.integer(id)], limit: 1).first
    }

    func jobs(businessID: String, limit: Int) throws -> [SyncV1.SyncJob] {
        try jobs(where: "business_id = ?", [.text(businessID)], limit: limit)
    }

    private func jobs(where condition: String, _ args: [SQLValue], limit: Int) throws -> [SyncV1.SyncJob] {
        var out: [SyncV1.SyncJob] = []
        try database.query(
            """
            SELECT id, business_id, stripe_account_id, trigger, state, started_at, finished_at, error
            FROM sync_jobs WHERE \(condition) ORDER BY id DESC LIMIT ?
            """,
            args + [.integer(Int64(limit))]
        ) { row in
            out.append(
                SyncV1.SyncJob(
                    id: row.int(0), businessId: row.text(1), stripeAccountId: row.text(2),
                    trigger: SyncV1.Trigger(rawValue: Int32(row.int(3))) ?? .manual, state: row.text(4),
                    startedAt: row.int(5), finishedAt: row.optionalInt(6) ?? 0, error: row.optionalText(7) ?? ""
                ))
        }
        for index in out.indices {
            try database.query(
                "SELECT object_type, count, state, error FROM sync_job_types WHERE job_id = ? ORDER BY rowid",
                [.integer(out[index].id)]
            ) { row in
                out[index].types.append(
                    SyncV1.TypeProgress(
                        objectType: row.text(0), count: row.int(1), state: row.text(2), error: row.optionalText(3) ?? ""
                    ))
            }
        }
        return out
    }
}
