import BridgeStore
import Contracts

extension BillingStore {
    /// Appends one ledger entry and moves the balance, once per `source` for the tenant.
    /// Returns nil when `source` was already recorded (the caller decides what a replay means).
    /// Throws `CreditShortfall` when the balance would go negative.
    func appendCredit(tenantID: String, delta: Int64, reason: String, source: String, now: Int64)
        throws
        -> Int64?
    {
        if try ledgerEntry(tenantID: tenantID, source: source) != nil { return nil }
        guard let tenant = try tenant(tenantID) else {
            throw BillingFailure.unknownTenant(tenantID)
        }
        let (balance, overflowed) = tenant.creditBalance.addingReportingOverflow(delta)
        guard !overflowed else { throw BillingFailure.creditOverflow(tenantID) }
        guard balance >= 0 else {
            throw BillingFailure.insufficientCredits(
                tenantID, balance: tenant.creditBalance, wanted: -delta)
        }
        try database.execute(
            """
            INSERT INTO credit_ledger (tenant_id, delta, balance_after, reason, source, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(tenantID), .integer(delta), .integer(balance), .text(reason), .text(source),
                .integer(now),
            ]
        )
        try database.execute(
            "UPDATE tenants SET credit_balance = ? WHERE tenant_id = ?",
            [.integer(balance), .text(tenantID)])
        return balance
    }

    /// The delta recorded for `source`, if any.
    func ledgerEntry(tenantID: String, source: String) throws -> Int64? {
        try database.queryOne(
            "SELECT delta FROM credit_ledger WHERE tenant_id = ? AND source = ?",
            [.text(tenantID), .text(source)], { $0.int(0) })
    }

    func ledger(_ tenantID: String) throws -> [BillingV1.CreditEntry] {
        var entries: [BillingV1.CreditEntry] = []
        try database.query(
            """
            SELECT sequence, delta, balance_after, reason, source, recorded_at FROM credit_ledger
            WHERE tenant_id = ? ORDER BY sequence
            """,
            [.text(tenantID)]
        ) { row in
            entries.append(
                BillingV1.CreditEntry(
                    sequence: row.int(0), delta: row.int(1), balanceAfter: row.int(2), reason: row.text(3),
                    source: row.text(4), recordedAt: row.int(5)
                ))
        }
        return entries
    }
}
