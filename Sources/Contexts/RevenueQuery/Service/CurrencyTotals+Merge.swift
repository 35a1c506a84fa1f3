extension CurrencyTotals {
    /// Adds another roll-up of the same currency (a business-wide total from per-email ones).
    mutating func merge(_ other: CurrencyTotals) {
        spent += other.spent
        orders += other.orders
        gross += other.gross
        refunded += other.refunded
        disputedLost += other.disputedLost
        if let time = other.lastPurchaseAt { lastPurchaseAt = max(lastPurchaseAt ?? time, time) }
    }
}
