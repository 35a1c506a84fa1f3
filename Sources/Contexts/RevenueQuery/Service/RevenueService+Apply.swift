import BridgeRPC
import BridgeStore
import Contracts

extension RevenueService {
    /// Stores a batch of object versions from SyncEngine; internal, so no grant is asked for.
    /// A redelivered batch is acknowledged and ignored; an older version never replaces a newer one.
    public func applyChanges(_ request: RevenueV1.ApplyChangesRequest) throws -> RevenueV1.ApplyChangesResponse {
        guard !request.businessId.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        guard !request.batchId.isEmpty else { throw RPCError.invalidArgument("batch_id is empty") }
        let decoded = try request.changes.enumerated().map { index, change in
            try decode(change, at: index)
        }
        applying.lock()
        defer { applying.unlock() }
        var outcome: (applied: Int, refresh: PaymentRefresh)?
        try database.transaction {
            let seen = try database.queryOne(
                "SELECT 1 FROM applied_batches WHERE batch_id = ?", [.text(request.batchId)]
            ) { _ in true }
            guard seen == nil else { return }
            outcome = try persist(request, decoded)
        }
        guard let outcome else { return .init(applied: 0, duplicateBatch: true) }
        state.writing { applyInMemory(request, outcome.refresh) }
        logger.debug(
            "changes applied",
            ["business.id": request.businessId, "changes": "\(outcome.applied)", "purge": "\(request.purge)"]
        )
        return .init(applied: Int64(outcome.applied))
    }

    /// The facts of a change; a deleted customer becomes a tombstone that keeps its email.
    private func decode(_ change: RevenueV1.ObjectChange, at index: Int) throws -> StripeObjectFacts? {
        guard !change.objectType.isEmpty, !change.objectId.isEmpty else {
            throw RPCError.invalidArgument("changes[\(index)] needs object_type and object_id")
        }
        if change.deleted {
            guard change.objectType == "customer" else { return nil }
            return .customer(CustomerFacts(id: change.objectId, email: nil, name: nil, deleted: true))
        }
        do {
            return try StripeObjectFacts.decode(objectType: change.objectType, json: change.json)
        } catch {
            throw RPCError.invalidArgument(
                "changes[\(index)] (\(change.objectType) \(change.objectId)) is not a readable Stripe object: \(error)"
            )
        }
    }

    /// Writes the batch and what derives from it; returns how many changes were newer than
    /// what was held, and what that changed in the payments.
    private func persist(
        _ request: RevenueV1.ApplyChangesRequest, _ decoded: [StripeObjectFacts?]
    ) throws -> (applied: Int, refresh: PaymentRefresh) {
        let business = SQLValue.text(request.businessId)
        let derived = store(request.businessId)
        if request.purge || !request.connected {
            try database.execute("DELETE FROM objects WHERE business_id = ?", [business])
            try database.execute("DELETE FROM applied_batches WHERE business_id = ?", [business])
            try derived.purge()
        }
        guard request.connected else {
            try database.execute("DELETE FROM businesses WHERE business_id = ?", [business])
            return (0, PaymentRefresh())
        }
        try database.execute(
            """
            INSERT INTO businesses (business_id, stripe_account_id, connected, derived) VALUES (?, ?, 1, 1)
            ON CONFLICT (business_id) DO UPDATE SET stripe_account_id = excluded.stripe_account_id, connected = 1
            """,
            [business, .text(request.stripeAccountId)]
        )
        var seeds: Set<String> = []
        var customers: Set<String> = []
        var applied = 0
        for (change, facts) in zip(request.changes, decoded) {
            let isCustomer = change.objectType == "customer"
            if !isCustomer {
                seeds.insert(change.objectId)
                seeds.formUnion(try derived.paymentReferences(type: change.objectType, id: change.objectId))
            }
            guard try persist(change, facts, business: business) else { continue }
            applied += 1
            if case .customer(let customer) = facts {
                try derived.store(customer: customer)
                customers.insert(customer.id)
            } else if !isCustomer, StripeObjectFacts.knownObjectTypes.contains(change.objectType) {
                try derived.replaceLinks(type: change.objectType, id: change.objectId, facts: facts)
                facts.map { seeds.formUnion(ObjectLinks.paymentReferences(of: $0)) }
            }
        }
        let refresh = try derived.refreshPayments(reaching: seeds, customers: customers)
        try database.execute(
            "INSERT INTO applied_batches (batch_id, business_id) VALUES (?, ?)", [.text(request.batchId), business]
        )
        return (applied, refresh)
    }

    private func persist(_ change: RevenueV1.ObjectChange, _ facts: StripeObjectFacts?, business: SQLValue) throws
        -> Bool
    {
        let key: [SQLValue] = [business, .text(change.objectType), .text(change.objectId)]
        let version = SQLValue.integer(change.version)
        let condition = "business_id = ? AND object_type = ? AND object_id = ? AND version <= ?"
        if case .customer(let customer) = facts, customer.deleted {
            // A deleted customer's history stays: keep its last live snapshot, note the newer version.
            let held = try database.queryOne(
                "SELECT version FROM objects WHERE business_id = ? AND object_type = ? AND object_id = ?", key
            ) { $0.int(0) }
            guard let held else {
                let tombstone = Array(#"{"id":"\#(change.objectId)","object":"customer","deleted":true}"#.utf8)
                try database.execute(
                    "INSERT INTO objects (business_id, object_type, object_id, version, json) VALUES (?, ?, ?, ?, ?)",
                    key + [version, .blob(tombstone)]
                )
                return true
            }
            try database.execute("UPDATE objects SET version = ? WHERE \(condition)", [version] + key + [version])
            return held <= change.version
        }
        if change.deleted {
            try database.execute("DELETE FROM objects WHERE \(condition)", key + [version])
            return database.changes > 0
        }
        try database.execute(
            """
            INSERT INTO objects (business_id, object_type, object_id, version, json) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (business_id, object_type, object_id) DO UPDATE
            SET version = excluded.version, json = excluded.json WHERE excluded.version >= objects.version
            """,
            key + [version, .blob(change.json)]
        )
        return database.changes > 0
    }

    /// Mirrors `persist` in memory; runs under the write lock.
    private func applyInMemory(_ request: RevenueV1.ApplyChangesRequest, _ refresh: PaymentRefresh) {
        guard request.connected else {
            books[request.businessId] = nil
            return
        }
        if request.purge || books[request.businessId] == nil {
            books[request.businessId] = BusinessBook(stripeAccountID: request.stripeAccountId)
        }
        books[request.businessId]!.stripeAccountID = request.stripeAccountId
        for (email, totals) in refresh.groups { books[request.businessId]!.index.replace(email: email, with: totals) }
        for row in refresh.removed { books[request.businessId]!.daily.remove(row) }
        for row in refresh.added { books[request.businessId]!.daily.add(row) }
    }
}
