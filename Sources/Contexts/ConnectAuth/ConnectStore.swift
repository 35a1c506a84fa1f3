import BridgeStore
import Contracts
import Foundation
import Outbox

/// ConnectAuth's SQLite file. Linking and unlinking write the fact for SyncEngine into the
/// outbox in the same transaction, so a link is never saved without SyncEngine hearing of it.
struct ConnectStore: Sendable {
    let database: Database
    let outbox: OutboxStore

    init(database: Database) throws {
        self.database = database
        self.outbox = OutboxStore(database: database)
        try database.migrate(ConnectSchema.migrations)
    }

    struct Access: Sendable, Equatable {
        var businessID: String
        var stripeAccountID: String
        var accountName: String
        var dateCreated: Int64
        var linkState: String
    }

    func access(of businessID: String) throws -> Access? {
        try database.queryOne(
            """
            SELECT stripe_account_id, account_name, date_created, link_state
            FROM stripe_access WHERE business_id = ?
            """,
            [.text(businessID)]
        ) {
            Access(
                businessID: businessID, stripeAccountID: $0.text(0), accountName: $0.text(1),
                dateCreated: $0.int(2), linkState: $0.text(3))
        }
    }

    /// Businesses other than `businessID` already linked to `stripeAccountID`.
    func otherBusinesses(linkedTo stripeAccountID: String, except businessID: String) throws
        -> [String]
    {
        var out: [String] = []
        try database.query(
            "SELECT business_id FROM stripe_access WHERE stripe_account_id = ? AND business_id != ?",
            [.text(stripeAccountID), .text(businessID)]
        ) { out.append($0.text(0)) }
        return out
    }

    /// Every business linked to `stripeAccountID`.
    func businesses(linkedTo stripeAccountID: String, linkedAtOrBefore time: Int64 = .max) throws -> [String] {
        var out: [String] = []
        try database.query(
            """
            SELECT business_id FROM stripe_access WHERE stripe_account_id = ? AND date_created <= ?
            ORDER BY business_id
            """,
            [.text(stripeAccountID), .integer(time)]
        ) { out.append($0.text(0)) }
        return out
    }

    /// Records a nonce as spent; false when it was spent before (a replayed callback).
    func spendNonce(_ nonce: String, expiresAt: Int64, now: Int64) throws -> Bool {
        try database.transaction {
            try database.execute("DELETE FROM used_nonces WHERE expires_at < ?", [.integer(now - 3600)])
            try database.execute(
                "INSERT INTO used_nonces (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [.text(nonce), .integer(expiresAt)]
            )
            return database.changes == 1
        }
    }

    /// Saves or updates the business's one link and tells SyncEngine.
    func saveLink(_ access: Access) throws {
        try database.transaction {
            let previous = try self.access(of: access.businessID)
            try database.execute(
                """
                INSERT INTO stripe_access (business_id, stripe_account_id, account_name, date_created, link_state)
                VALUES (?, ?, ?, ?, 'connected')
                ON CONFLICT (business_id) DO UPDATE SET stripe_account_id = excluded.stripe_account_id,
                    account_name = excluded.account_name, date_created = excluded.date_created,
                    link_state = 'connected'
                """,
                [
                    .text(access.businessID), .text(access.stripeAccountID), .text(access.accountName),
                    .integer(access.dateCreated),
                ]
            )
            let relinkedSame = previous?.stripeAccountID == access.stripeAccountID
            try announce(
                businessID: access.businessID, stripeAccountID: access.stripeAccountID,
                startSync: true, note: relinkedSame ? "relink" : "link")
        }
    }

    /// Removes the link and tells SyncEngine to purge; nil when there was none.
    func removeLink(businessID: String) throws -> Access? {
        try database.transaction {
            guard let previous = try access(of: businessID) else { return nil }
            try database.execute("DELETE FROM stripe_access WHERE business_id = ?", [.text(businessID)])
            try announce(businessID: businessID, stripeAccountID: "", startSync: false, note: "unlink")
            return previous
        }
    }

    func setLinkState(businessID: String, stripeAccountID: String, state: String) throws -> Bool {
        try database.execute(
            """
            UPDATE stripe_access SET link_state = ?
            WHERE business_id = ? AND stripe_account_id = ? AND link_state != ?
            """,
            [.text(state), .text(businessID), .text(stripeAccountID), .text(state)]
        )
        return database.changes == 1
    }

    /// Replaces the saved name of a link, if the business is still linked to that account.
    func rename(businessID: String, stripeAccountID: String, to name: String) throws {
        try database.execute(
            "UPDATE stripe_access SET account_name = ? WHERE business_id = ? AND stripe_account_id = ?",
            [.text(name), .text(businessID), .text(stripeAccountID)]
        )
    }

    private func announce(businessID: String, stripeAccountID: String, startSync: Bool, note: String)
        throws
    {
        let fact = SyncV1.LinkChangedRequest(
            businessId: businessID, stripeAccountId: stripeAccountID,
            messageId: "\(note)-\(UUID().uuidString.lowercased())", startSync: startSync
        )
        try outbox.enqueue(SyncV1.SyncEngine.linkChanged, fact, businessID: businessID)
    }
}
