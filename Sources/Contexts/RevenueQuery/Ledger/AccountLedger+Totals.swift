extension AccountLedger {
    /// Payments rolled up per email and currency. Recomputed from every held object on each
    /// call (O(objects) per business); call it once and read both halves when you need both.
    public func totals() -> LedgerTotals {
        LedgerTotals(payments: payments())
    }

    /// Normalised email → currency → totals.
    public func totalsByEmail() -> [String: [String: CurrencyTotals]] {
        totals().byEmail
    }

    /// Currency → totals of the payments without an email; they are reported, never dropped.
    public func totalsWithoutEmail() -> [String: CurrencyTotals] {
        totals().withoutEmail
    }
}
