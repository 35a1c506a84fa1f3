import BridgeStore
import Contracts
import Foundation
import Outbox

/// SyncEngine's SQLite file: links, the mirror, jobs and the outbox to RevenueQuery.
///
/// Every change that RevenueQuery must learn about is written with its outbox message in one
/// transaction.
struct SyncStore: Sendable {
    let database: Database
    let outbox: OutboxStore

    init(database: Database) throws {
        self.database = database
        self.outbox = OutboxStore(database: database)
        try database.migrate(SyncSchema.migrations)
    }

    struct Link: Sendable {
        let businessID: String
        let stripeAccountID: String
        let lastSuccessStartedAt: Int64?
    }

    func link(of businessID: String) throws -> Link? {
        try database.queryOne(
            "SELECT stripe_account_id, last_success_started_at FROM links WHERE business_id = ?",
            [.text(businessID)]
        ) { Link(businessID: businessID, stripeAccountID: $0.text(0), lastSuccessStartedAt: $0.optionalInt(1)) }
    }

    func allLinks() throws -> [Link] {
        var out: [Link] = []
        try database.query("SELECT business_id, stripe_account_id, last_success_started_at FROM links") {
            out.append(
                Link(businessID: $0.text(0), stripeAccountID: $0.text(1), lastSuccessStartedAt: $0.optionalInt(2)))
        }
        return out
    }

    /// Applies a link fact once; returns false when the message was already processed.
    func applyLink(businessID: String, stripeAccountID: String, messageID: String, now: Int64) throws -> Bool {
        try database.transaction {
            guard try markProcessed(messageID) else { return false }
            let previous = try link(of: businessID)
            let accountChanged = previous != nil && previous?.stripeAccountID != stripeAccountID
            if accountChanged {
                try purgeMirror(businessID)
            }
            if stripeAccountID.isEmpty {
                try purgeMirror(businessID)
                try database.execute("DELETE FROM sync_jobs WHERE business_id = ?", [.text(businessID)])
                try database.execute("DELETE FROM links WHERE business_id = ?", [.text(businessID)])
            } else if previous == nil || accountChanged {
                try database.execute(
                    """
                    INSERT INTO links (business_id, stripe_account_id, linked_at) VALUES (?, ?, ?)
                    ON CONFLICT (business_id) DO UPDATE SET stripe_account_id = excluded.stripe_account_id,
                        linked_at = excluded.linked_at, last_success_started_at = NULL
                    """,
                    [.text(businessID), .text(stripeAccountID), .integer(now)]
                )
            }
            let announce = RevenueV1.ApplyChangesRequest(
                businessId: businessID, stripeAccountId: stripeAccountID, batchId: "link-" + messageID,
                purge: accountChanged || stripeAccountID.isEmpty, connected: !stripeAccountID.isEmpty
            )
            try outbox.enqueue(RevenueV1.RevenueQuery.applyChanges, announce, businessID: businessID)
            return true
        }
    }

    private func markProcessed(_ messageID: String) throws -> Bool {
        try database.execute(
            "INSERT INTO processed_messages (message_id) VALUES (?) ON CONFLICT DO NOTHING", [.text(messageID)]
        )
        return database.changes == 1
    }

    private func purgeMirror(_ businessID: String) throws {
        try database.execute("DELETE FROM objects WHERE business_id = ?", [.text(businessID)])
    }

    /// Mirrors one page and queues the objects that changed for RevenueQuery, atomically.
    /// An object already held from a later observation is left alone.
    /// A run whose business was unlinked or relinked meanwhile stops at its next page, so
    /// nothing of the old link reaches the mirror or RevenueQuery after the purge.
    @discardableResult
    func storePage(_ objects: [MirroredObject], link: Link, observedAt: Int64) throws -> Int {
        guard !objects.isEmpty else { return 0 }
        return try database.transaction {
            let current = try database.queryOne(
                "SELECT stripe_account_id FROM links WHERE business_id = ?", [.text(link.businessID)]
            ) { $0.text(0) }
            guard current == link.stripeAccountID else { throw LinkChangedDuringRun(businessID: link.businessID) }
            var changes: [RevenueV1.ObjectChange] = []
            for object in objects {
                try database.execute(
                    """
                    INSERT INTO objects (business_id, object_type, object_id, created, observed_at, json)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (business_id, object_type, object_id) DO UPDATE
                    SET created = excluded.created, observed_at = excluded.observed_at, json = excluded.json
                    WHERE excluded.observed_at >= objects.observed_at AND excluded.json != objects.json
                    """,
                    [
                        .text(link.businessID), .text(object.type), .text(object.id), .integer(object.created),
                        .integer(observedAt), .blob(object.json),
                    ]
                )
                guard database.changes == 1 else { continue }
                changes.append(
                    RevenueV1.ObjectChange(
                        objectType: object.type, objectId: object.id, json: object.json
                    ))
            }
            if !changes.isEmpty {
                let version = try nextVersion()
                for index in changes.indices { changes[index].version = version }
                let batch = RevenueV1.ApplyChangesRequest(
                    businessId: link.businessID, stripeAccountId: link.stripeAccountID,
                    batchId: "objects-\(version)", changes: changes, connected: true
                )
                try outbox.enqueue(RevenueV1.RevenueQuery.applyChanges, batch, businessID: link.businessID)
            }
            return changes.count
        }
    }

    /// The mirrored JSON of one object of the link's business, parsed; nil when none is held.
    func mirroredObject(_ link: Link, type: String, id: String?) throws -> [String: Any]? {
        guard let id else { return nil }
        let json = try database.queryOne(
            "SELECT json FROM objects WHERE business_id = ? AND object_type = ? AND object_id = ?",
            [.text(link.businessID), .text(type), .text(id)]
        ) { $0.blob(0) }
        return json.flatMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
    }

    private func nextVersion() throws -> Int64 {
        try database.execute("UPDATE counters SET value = value + 1 WHERE name = 'object_version'")
        return try database.queryOne("SELECT value FROM counters WHERE name = 'object_version'") { $0.int(0) } ?? 0
    }

    func recordSuccess(businessID: String, startedAt: Int64) throws {
        try database.execute(
            "UPDATE links SET last_success_started_at = ? WHERE business_id = ?",
            [.integer(startedAt), .text(businessID)]
        )
    }

    func objectCount(businessID: String) throws -> Int {
        Int(
            try database.queryOne("SELECT COUNT(*) FROM objects WHERE business_id = ?", [.text(businessID)]) {
                $0.int(0)
            } ?? 0)
    }
}
