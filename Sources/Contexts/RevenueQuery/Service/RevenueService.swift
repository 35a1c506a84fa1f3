import AccessControl
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation

/// RevenueQuery's state and answers: SQLite is the durable truth, `books` the in-memory index.
///
/// `@unchecked Sendable`: `books` and `contacts` are only touched under `state` (readers share
/// it, ApplyChanges and the contact calls write under it); `applying` keeps writes to SQLite and
/// memory in the same order; the database serialises itself.
public final class RevenueService: @unchecked Sendable {
    /// Most emails one batch lookup may ask for.
    public static let maximumEmailsPerCall = 1_000

    let database: Database
    let logger: Logger
    let access: AccessGuard
    let state = ReadWriteLock()
    let applying = NSLock()
    var books: [String: BusinessBook] = [:]
    var contacts: [String: ContactBook] = [:]

    /// - Parameter grantKey: the key the main application signs access grants with.
    public init(database: Database, logger: Logger, grantKey: String) throws {
        self.database = database
        self.logger = logger
        access = AccessGuard(key: grantKey)
        try database.migrate(RevenueSchema.migrations)
        try load()
    }

    /// Rebuilds the in-memory index from SQLite: one pass over each business's payments
    /// (derived first, once, for a file written before the payments were stored).
    private func load() throws {
        var accounts: [(business: String, account: String, derived: Bool)] = []
        try database.query("SELECT business_id, stripe_account_id, derived FROM businesses WHERE connected = 1") {
            row in
            accounts.append((row.text(0), row.text(1), row.int(2) != 0))
        }
        var loaded: [String: BusinessBook] = [:]
        var undecodable = 0
        for (business, account, derived) in accounts {
            let store = DerivedStore(database: database, business: business)
            if !derived { undecodable += try store.rebuild() }
            var book = BusinessBook(stripeAccountID: account)
            try store.forEachPayment { row in
                book.index.add(row)
                book.daily.add(row)
            }
            loaded[business] = book
        }
        var contactBooks: [String: ContactBook] = [:]
        try database.query("SELECT business_id, contact_id, email, name FROM contacts") { row in
            contactBooks[row.text(0), default: ContactBook()]
                .upsert(.init(contactId: row.text(1), email: row.text(2), name: row.text(3)))
        }
        state.writing {
            books = loaded
            contacts = contactBooks
        }
        logger.info("read model loaded", ["businesses": "\(loaded.count)", "undecodable": "\(undecodable)"])
    }

    /// The derived tables of one business.
    func store(_ businessID: String) -> DerivedStore {
        DerivedStore(database: database, business: businessID)
    }

    /// Whether a business is connected now.
    func isConnected(_ businessID: String) -> Bool {
        state.reading { books[businessID] != nil }
    }

    /// Reads one business's book under the shared lock; nil when it is not connected.
    func reading<T>(_ businessID: String, _ body: (BusinessBook?, ContactBook?) throws -> T) rethrows -> T {
        try state.reading { try body(books[businessID], contacts[businessID]) }
    }

    /// Checks the business id, then that the call's grant covers that business.
    func authorize(_ businessID: String, _ context: CallContext) throws {
        try RevenueArguments.validate(businessID: businessID)
        try access.require(context, businessID: businessID)
    }

    public func register(on server: RPCServer) {
        typealias Query = RevenueV1.RevenueQuery
        server.register(Query.applyChanges) { request, _ in try self.applyChanges(request) }
        server.register(Query.summaryByEmails) { request, context in
            try self.authorize(request.businessId, context)
            return try self.summaryByEmails(request)
        }
        server.register(Query.topCustomers) { request, context in
            try self.authorize(request.businessId, context)
            return try self.topCustomers(request)
        }
        server.register(Query.listCustomers) { request, context in
            try self.authorize(request.businessId, context)
            return try self.listCustomers(request)
        }
        server.register(Query.stripeColumns) { request, context in
            try self.authorize(request.businessId, context)
            return try self.stripeColumns(request)
        }
        server.register(Query.stripeInfoByEmail) { request, context in
            try self.authorize(request.businessId, context)
            return try self.stripeInfoByEmail(request)
        }
        server.register(Query.revenueSeries) { request, context in
            try self.authorize(request.businessId, context)
            return try self.revenueSeries(request)
        }
        server.register(Query.upsertContacts) { request, context in
            try self.authorize(request.businessId, context)
            return try self.upsertContacts(request)
        }
        server.register(Query.removeContacts) { request, context in
            try self.authorize(request.businessId, context)
            return try self.removeContacts(request)
        }
    }
}
