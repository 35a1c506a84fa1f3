/// One email's totals in one currency, as the index stores it: 56 bytes, no references.
struct TotalsRow: Sendable {
    var spent: Int64 = 0
    var gross: Int64 = 0
    var refunded: Int64 = 0
    var disputedLost: Int64 = 0
    /// `Int64.min` when there is no order with a time.
    var lastPurchaseAt: Int64 = .min
    var orders: Int32 = 0
    /// The email's next row, or -1.
    var next: Int32 = -1
    var currency: UInt16 = 0

    init(currency: UInt16, totals: CurrencyTotals, next: Int32) {
        self.currency = currency
        self.next = next
        spent = totals.spent
        gross = totals.gross
        refunded = totals.refunded
        disputedLost = totals.disputedLost
        lastPurchaseAt = totals.lastPurchaseAt ?? .min
        orders = Int32(clamping: totals.orders)
    }

    var totals: CurrencyTotals {
        var totals = CurrencyTotals()
        totals.spent = spent
        totals.gross = gross
        totals.refunded = refunded
        totals.disputedLost = disputedLost
        totals.lastPurchaseAt = lastPurchaseAt == .min ? nil : lastPurchaseAt
        totals.orders = Int(orders)
        return totals
    }
}
