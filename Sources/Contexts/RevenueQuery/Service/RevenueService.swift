import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation

/// RevenueQuery's state and answers: SQLite is the durable truth, `books` the in-memory index.
///
/// `@unchecked Sendable`: `books` is only touched under `lock`; the database serialises itself.
public final class RevenueService: @unchecked Sendable {
    /// Most emails one SummaryByEmails call may ask for.
    public static let maximumEmailsPerCall = 1_000

    private let database: Database
    private let logger: Logger
    private let lock = NSLock()
    private var books: [String: BusinessBook] = [:]

    public init(database: Database, logger: Logger) throws {
        self.database = database
        self.logger = logger
        try database.migrate(RevenueSchema.migrations)
        try load()
    }

    /// Rebuilds the in-memory index from SQLite.
    private func load() throws {
        var loaded: [String: BusinessBook] = [:]
        try database.query("SELECT business_id, stripe_account_id, connected FROM businesses") { row in
            loaded[row.text(0)] = BusinessBook(stripeAccountID: row.text(1), connected: row.int(2) != 0)
        }
        var undecodable = 0
        try database.query("SELECT business_id, object_type, object_id, version, json FROM objects") { row in
            let business = row.text(0)
            guard loaded[business] != nil else { return }
            let type = row.text(1)
            let facts = try? StripeObjectFacts.decode(objectType: type, json: row.blob(4))
            if facts == nil && StripeObjectFacts.knownObjectTypes.contains(type) { undecodable += 1 }
            _ = loaded[business]!.apply(objectType: type, objectID: row.text(2), version: row.int(3), facts: facts)
        }
        lock.withLock { books = loaded }
        logger.info("read model loaded", ["businesses": "\(loaded.count)", "undecodable": "\(undecodable)"])
    }

    // MARK: - ApplyChanges

    public func applyChanges(_ request: RevenueV1.ApplyChangesRequest) throws -> RevenueV1.ApplyChangesResponse {
        guard !request.businessId.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        guard !request.batchId.isEmpty else { throw RPCError.invalidArgument("batch_id is empty") }
        let decoded = try request.changes.enumerated().map { index, change in
            try decode(change, at: index)
        }
        var duplicate = false
        try database.transaction {
            let seen = try database.queryOne(
                "SELECT 1 FROM applied_batches WHERE batch_id = ?", [.text(request.batchId)]
            ) { _ in true }
            if seen != nil {
                duplicate = true
                return
            }
            try persist(request)
        }
        if duplicate {
            return .init(applied: 0, duplicateBatch: true)
        }
        lock.withLock { applyInMemory(request, decoded) }
        logger.debug(
            "changes applied",
            ["business.id": request.businessId, "changes": "\(request.changes.count)", "purge": "\(request.purge)"]
        )
        return .init(applied: Int64(request.changes.count))
    }

    private func decode(_ change: RevenueV1.ObjectChange, at index: Int) throws -> StripeObjectFacts? {
        guard !change.objectType.isEmpty, !change.objectId.isEmpty else {
            throw RPCError.invalidArgument("changes[\(index)] needs object_type and object_id")
        }
        guard !change.deleted else { return nil }
        do {
            return try StripeObjectFacts.decode(objectType: change.objectType, json: change.json)
        } catch {
            throw RPCError.invalidArgument(
                "changes[\(index)] (\(change.objectType) \(change.objectId)) is not a readable Stripe object: \(error)"
            )
        }
    }

    private func persist(_ request: RevenueV1.ApplyChangesRequest) throws {
        let business = SQLValue.text(request.businessId)
        if request.purge {
            try database.execute("DELETE FROM objects WHERE business_id = ?", [business])
            try database.execute("DELETE FROM applied_batches WHERE business_id = ?", [business])
        }
        if request.connected {
            try database.execute(
                """
                INSERT INTO businesses (business_id, stripe_account_id, connected) VALUES (?, ?, 1)
                ON CONFLICT (business_id) DO UPDATE SET stripe_account_id = excluded.stripe_account_id, connected = 1
                """,
                [business, .text(request.stripeAccountId)]
            )
        } else {
            try database.execute("DELETE FROM businesses WHERE business_id = ?", [business])
            try database.execute("DELETE FROM objects WHERE business_id = ?", [business])
            try database.execute("DELETE FROM applied_batches WHERE business_id = ?", [business])
            return
        }
        for change in request.changes {
            let key: [SQLValue] = [business, .text(change.objectType), .text(change.objectId)]
            if change.deleted {
                try database.execute(
                    "DELETE FROM objects WHERE business_id = ? AND object_type = ? AND object_id = ? AND version <= ?",
                    key + [.integer(change.version)]
                )
            } else {
                try database.execute(
                    """
                    INSERT INTO objects (business_id, object_type, object_id, version, json) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (business_id, object_type, object_id) DO UPDATE
                    SET version = excluded.version, json = excluded.json WHERE excluded.version >= objects.version
                    """,
                    key + [.integer(change.version), .blob(change.json)]
                )
            }
        }
        try database.execute(
            "INSERT INTO applied_batches (batch_id, business_id) VALUES (?, ?)", [.text(request.batchId), business]
        )
    }

    /// Mirrors `persist` in memory; runs under `lock`.
    private func applyInMemory(_ request: RevenueV1.ApplyChangesRequest, _ decoded: [StripeObjectFacts?]) {
        guard request.connected else {
            books[request.businessId] = nil
            return
        }
        var book = books[request.businessId] ?? BusinessBook(stripeAccountID: request.stripeAccountId, connected: true)
        if request.purge {
            book = BusinessBook(stripeAccountID: request.stripeAccountId, connected: true)
        }
        book.stripeAccountID = request.stripeAccountId
        book.connected = true
        for (change, facts) in zip(request.changes, decoded) {
            if change.deleted {
                book.remove(objectType: change.objectType, objectID: change.objectId, version: change.version)
            } else {
                _ = book.apply(objectType: change.objectType, objectID: change.objectId, version: change.version, facts: facts)
            }
        }
        books[request.businessId] = book
    }

    // MARK: - Questions

    /// The roll-up of one business, or nil when it is not connected.
    func totals(of businessID: String) -> LedgerTotals? {
        lock.withLock {
            guard books[businessID] != nil else { return nil }
            return books[businessID]!.totals()
        }
    }

    public func summaryByEmails(_ request: RevenueV1.SummaryByEmailsRequest) throws -> RevenueV1.SummaryByEmailsResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        try RevenueArguments.validate(emails: request.emails, maximum: Self.maximumEmailsPerCall)
        guard let totals = totals(of: request.businessId) else {
            return .init(summaries: request.emails.map { RevenueV1.EmailSummary(email: $0) }, connected: false)
        }
        let summaries = request.emails.map { email in
            EmailSummaryBuilder.summary(asked: email, totals: totals.totals(forEmail: email))
        }
        return .init(summaries: summaries, connected: true)
    }

    public func topCustomers(_ request: RevenueV1.TopCustomersRequest) throws -> RevenueV1.TopCustomersResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        guard request.limit >= 0, request.limit <= 1_000 else {
            throw RPCError.invalidArgument("limit must be between 0 and 1000, got \(request.limit)")
        }
        guard let totals = totals(of: request.businessId) else { return .init() }
        let currency = request.currency.lowercased()
        let ranked = totals.byEmail
            .compactMap { email, byCurrency -> (String, CurrencyTotals)? in
                guard let row = currency.isEmpty ? nil : byCurrency[currency] else {
                    return currency.isEmpty ? (email, byCurrency.values.first!) : nil
                }
                return (email, row)
            }
            .sorted { lhs, rhs in lhs.1.spent != rhs.1.spent ? lhs.1.spent > rhs.1.spent : lhs.0 < rhs.0 }
            .prefix(request.limit == 0 ? 10 : Int(request.limit))
        let customers = ranked.map { email, _ in
            EmailSummaryBuilder.summary(asked: email, totals: totals.totals(forEmail: email))
        }
        let withoutEmail = totals.withoutEmail.keys.sorted().map { code in
            EmailSummaryBuilder.currencyTotal(code, totals.withoutEmail[code]!)
        }
        var business: [String: CurrencyTotals] = totals.withoutEmail
        for byCurrency in totals.byEmail.values {
            for (code, row) in byCurrency { business[code, default: CurrencyTotals()].merge(row) }
        }
        let overall = business.keys.sorted().map { EmailSummaryBuilder.currencyTotal($0, business[$0]!) }
        return .init(customers: customers, withoutEmail: withoutEmail, totals: overall)
    }

    public func register(on server: RPCServer) {
        server.register(RevenueV1.RevenueQuery.applyChanges) { request, _ in try self.applyChanges(request) }
        server.register(RevenueV1.RevenueQuery.summaryByEmails) { request, _ in try self.summaryByEmails(request) }
        server.register(RevenueV1.RevenueQuery.topCustomers) { request, _ in try self.topCustomers(request) }
    }
}
