import BridgeStore
import StripeClient

/// Files list pages into the mirror and the outbox: what a run does with every page it reads.
/// Public so that tools and the ingest benchmark drive the same code path as a run.
public struct MirrorWriter: Sendable {
    let store: SyncStore

    public init(database: Database) throws {
        store = try SyncStore(database: database)
    }

    init(store: SyncStore) {
        self.store = store
    }

    /// Links `businessID` to `stripeAccountID` as a LinkChanged fact would.
    public func link(businessID: String, stripeAccountID: String, messageID: String, now: Int64) throws {
        _ = try store.applyLink(
            businessID: businessID, stripeAccountID: stripeAccountID, messageID: messageID, now: now
        )
    }

    /// Mirrors one page observed at `observedAt`; the number of objects that changed.
    @discardableResult
    public func write(_ page: StripeListPage, businessID: String, stripeAccountID: String, observedAt: Int64)
        throws -> Int
    {
        let objects = zip(page.heads, page.rawObjects).map { MirroredObject(head: $0, json: $1) }
        let link = SyncStore.Link(businessID: businessID, stripeAccountID: stripeAccountID, lastSuccessStartedAt: nil)
        return try store.storePage(objects, link: link, observedAt: observedAt)
    }
}
