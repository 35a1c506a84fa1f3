/// What RevenueQuery holds in memory for one business: its ledger and the roll-up derived from it.
///
/// The roll-up is recomputed from the whole ledger after a change (O(objects of the business)),
/// on the first question that needs it. Fine while one sync batch touches a business at a time;
/// a million-payment business wants an incremental roll-up keyed by payment.
struct BusinessBook: Sendable {
    var stripeAccountID: String
    var connected: Bool
    var ledger = AccountLedger()
    /// Object versions, so an older version never replaces a newer one.
    var versions: [String: Int64] = [:]
    private var cachedTotals: LedgerTotals?

    init(stripeAccountID: String, connected: Bool) {
        self.stripeAccountID = stripeAccountID
        self.connected = connected
    }

    /// Applies an object version; false when a newer version was already held.
    mutating func apply(objectType: String, objectID: String, version: Int64, facts: StripeObjectFacts?) -> Bool {
        let key = objectType + "/" + objectID
        if let held = versions[key], held > version { return false }
        versions[key] = version
        if let facts {
            ledger.upsert(facts)
        }
        cachedTotals = nil
        return true
    }

    mutating func remove(objectType: String, objectID: String, version: Int64) {
        let key = objectType + "/" + objectID
        if let held = versions[key], held > version { return }
        versions[key] = version
        _ = ledger.remove(objectType: objectType, id: objectID)
        cachedTotals = nil
    }

    mutating func totals() -> LedgerTotals {
        if let cachedTotals { return cachedTotals }
        let totals = ledger.totals()
        cachedTotals = totals
        return totals
    }
}
