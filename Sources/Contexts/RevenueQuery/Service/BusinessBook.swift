/// What RevenueQuery holds in memory for one connected business: its ledger and the roll-up
/// derived from it, updated per payment key so a large business is never recomputed whole.
struct BusinessBook: Sendable {
    var stripeAccountID: String
    private(set) var ledger = AccountLedger()
    private(set) var rollup = LedgerRollup()

    init(stripeAccountID: String) {
        self.stripeAccountID = stripeAccountID
    }

    /// A book holding `ledger`, rolled up in one pass (the start-up path).
    init(stripeAccountID: String, ledger: AccountLedger) {
        self.stripeAccountID = stripeAccountID
        self.ledger = ledger
        rollup = LedgerRollup(ledger: ledger)
    }

    /// One accepted object change: new facts, or nil when the object was deleted.
    struct Change {
        var objectType: String
        var objectID: String
        var facts: StripeObjectFacts?
    }

    /// Applies changes in order, then recomputes once the payments they touched.
    mutating func apply(_ changes: [Change]) {
        var touched: Set<String> = []
        for change in changes {
            if let held = ledger.held(type: change.objectType, id: change.objectID) {
                touched.formUnion(rollup.affectedKeys(of: held, in: ledger))
            }
            if let facts = change.facts {
                ledger.upsert(facts)
            } else {
                ledger.remove(objectType: change.objectType, id: change.objectID)
            }
            if let stored = ledger.held(type: change.objectType, id: change.objectID) {
                touched.formUnion(rollup.affectedKeys(of: stored, in: ledger))
            }
        }
        rollup.refresh(keys: touched, from: ledger)
    }
}
