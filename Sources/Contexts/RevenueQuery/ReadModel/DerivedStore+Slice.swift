import BridgeStore

extension DerivedStore {
    /// The stored objects linked, directly or not, to `ids` (and to the objects naming the
    /// `customers`), with the customers they name: everything the payments of those objects
    /// are assembled from. `reached` holds every id visited, payment keys among them.
    func slice(reaching ids: Set<String>, customers: Set<String> = []) throws -> (
        ledger: AccountLedger, reached: Set<String>
    ) {
        var ledger = AccountLedger()
        var reached: Set<String> = []
        var frontier = Array(ids)
        var namedCustomers: Set<String> = []
        for customer in customers { frontier += try customerReferrers(of: customer) }
        while let id = frontier.popLast() {
            guard reached.insert(id).inserted else { continue }
            try database.query(
                "SELECT object_type, json FROM objects INDEXED BY objects_by_id "
                    + "WHERE business_id = ? AND object_id = ?",
                [.text(business), .text(id)]
            ) { row in
                guard row.text(0) != "customer" else { return }  // customers come from their own table
                guard let facts = try? StripeObjectFacts.decode(objectType: row.text(0), json: row.blob(1)) else {
                    return
                }
                ledger.upsert(facts)
                frontier += ObjectLinks.paymentReferences(of: facts).filter { !reached.contains($0) }
                if let customer = ObjectLinks.customerReference(of: facts) { namedCustomers.insert(customer) }
            }
            frontier += try referrers(of: id).filter { !reached.contains($0) }
        }
        for id in namedCustomers {
            if let customer = try customer(id) { ledger.upsert(.customer(customer)) }
        }
        return (ledger, reached)
    }

    /// Recomputes the payments reached from the changed ids and customers, stores the ones
    /// that differ, and says what changed.
    func refreshPayments(reaching ids: Set<String>, customers: Set<String>) throws -> PaymentRefresh {
        var refresh = PaymentRefresh()
        guard !ids.isEmpty || !customers.isEmpty else { return refresh }
        let (ledger, reached) = try slice(reaching: ids, customers: customers)
        var fresh: [String: PaymentRow] = [:]
        for payment in ledger.payments() { fresh[payment.key] = PaymentRow(payment) }
        var touched: Set<String> = []
        for key in reached.union(fresh.keys) {
            let held = try payment(forKey: key)
            let new = fresh[key]
            guard held != new else { continue }
            try write(new, forKey: key)
            if let held {
                touched.insert(held.email)
                refresh.removed.append(held)
            }
            if let new {
                touched.insert(new.email)
                refresh.added.append(new)
            }
        }
        for email in touched { refresh.groups[email] = try totals(ofEmail: email) }
        return refresh
    }
}
