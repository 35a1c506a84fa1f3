import BridgeStore
import Contracts

/// The `sync_jobs` rows: one per run, with per-type counts and errors.
struct SyncJobStore: Sendable {
    let database: Database

    /// What a run needs to start or resume: its account, its start time and its `created[gte]`.
    struct RunPlan: Sendable {
        let jobID: Int64
        let businessID: String
        let stripeAccountID: String
        let startedAt: Int64
        /// nil for a full run.
        let since: Int64?
    }

    func create(
        businessID: String, stripeAccountID: String, trigger: SyncV1.Trigger, now: Int64, since: Int64?
    ) throws -> RunPlan {
        try database.execute(
            """
            INSERT INTO sync_jobs (business_id, stripe_account_id, trigger, state, started_at, since)
            VALUES (?, ?, ?, 'running', ?, ?)
            """,
            [
                .text(businessID), .text(stripeAccountID), .integer(Int64(trigger.rawValue)), .integer(now),
                SQLValue(since),
            ]
        )
        return RunPlan(
            jobID: database.lastInsertRowID, businessID: businessID, stripeAccountID: stripeAccountID,
            startedAt: now, since: since
        )
    }

    /// Jobs a stopped process left running, to be resumed from their cursors.
    func interrupted() throws -> [RunPlan] {
        var out: [RunPlan] = []
        try database.query(
            "SELECT id, business_id, stripe_account_id, started_at, since FROM sync_jobs WHERE state = 'running'"
        ) {
            out.append(
                RunPlan(
                    jobID: $0.int(0), businessID: $0.text(1), stripeAccountID: $0.text(2), startedAt: $0.int(3),
                    since: $0.optionalInt(4)
                ))
        }
        return out
    }

    func cursor(jobID: Int64, type: String) throws -> SyncCursor {
        try database.queryOne(
            "SELECT starting_after, count, done FROM sync_cursors WHERE job_id = ? AND object_type = ?",
            [.integer(jobID), .text(type)]
        ) { SyncCursor(startingAfter: $0.optionalText(0), count: Int($0.int(1)), done: $0.int(2) != 0) } ?? .start
    }

    func saveCursor(jobID: Int64, type: String, _ cursor: SyncCursor) throws {
        try database.execute(
            """
            INSERT INTO sync_cursors (job_id, object_type, starting_after, count, done) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (job_id, object_type) DO UPDATE SET starting_after = excluded.starting_after,
                count = excluded.count, done = excluded.done
            """,
            [
                .integer(jobID), .text(type), SQLValue(cursor.startingAfter), .integer(Int64(cursor.count)),
                SQLValue(cursor.done),
            ]
        )
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

    func lastStarted(businessID: String) throws -> Int64? {
        try database.queryOne(
            "SELECT MAX(started_at) FROM sync_jobs WHERE business_id = ?", [.text(businessID)]
        ) { $0.optionalInt(0) } ?? nil
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
