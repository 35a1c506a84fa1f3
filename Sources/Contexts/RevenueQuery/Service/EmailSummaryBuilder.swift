import Contracts

/// Turns ledger roll-ups into the contract's EmailSummary rows.
enum EmailSummaryBuilder {
    static func summary(asked email: String, totals: EmailTotals) -> RevenueV1.EmailSummary {
        // Most recent purchase first: the grid shows the first currency and says there are more.
        let currencies = totals.byCurrency.keys.sorted { lhs, rhs in
            let left = totals.byCurrency[lhs]!.lastPurchaseAt ?? .min
            let right = totals.byCurrency[rhs]!.lastPurchaseAt ?? .min
            return left != right ? left > right : lhs < rhs
        }
        let rows = currencies.map { currencyTotal($0, totals.byCurrency[$0]!) }
        return RevenueV1.EmailSummary(
            email: email,
            normalizedEmail: totals.email ?? "",
            found: !rows.isEmpty,
            totals: rows,
            lastPurchaseAt: rows.map(\.lastPurchaseAt).max() ?? 0,
            lastCurrency: totals.mostRecentCurrency ?? "",
            orders: rows.reduce(0) { $0 + $1.orders }
        )
    }

    /// The same summary straight from the index's rows, for the grids' batch lookups.
    static func summary(asked email: String, in index: EmailTotalsIndex) -> RevenueV1.EmailSummary {
        var totals: [RevenueV1.CurrencyTotal] = []
        let normalized = index.forEachRow(ofEmail: email) { row, currency, format in
            totals.append(
                RevenueV1.CurrencyTotal(
                    currency: currency, spent: row.spent, orders: Int64(row.orders), gross: row.gross,
                    refunded: row.refunded, display: format.display(row.spent),
                    lastPurchaseAt: row.lastPurchaseAt == .min ? 0 : row.lastPurchaseAt,
                    disputedLost: row.disputedLost))
        }
        var summary = RevenueV1.EmailSummary(email: email, normalizedEmail: normalized ?? "")
        guard !totals.isEmpty else { return summary }
        if totals.count > 1 {
            totals.sort { lhs, rhs in
                lhs.lastPurchaseAt != rhs.lastPurchaseAt
                    ? lhs.lastPurchaseAt > rhs.lastPurchaseAt : lhs.currency < rhs.currency
            }
        }
        summary.found = true
        summary.lastPurchaseAt = totals[0].lastPurchaseAt
        summary.lastCurrency = totals[0].currency
        summary.orders = totals.reduce(0) { $0 + $1.orders }
        summary.totals = totals
        return summary
    }

    static func currencyTotal(_ currency: String, _ totals: CurrencyTotals) -> RevenueV1.CurrencyTotal {
        RevenueV1.CurrencyTotal(
            currency: currency,
            spent: totals.spent,
            orders: Int64(totals.orders),
            gross: totals.gross,
            refunded: totals.refunded,
            display: Money.display(amount: totals.spent, currency: currency),
            lastPurchaseAt: totals.lastPurchaseAt ?? 0,
            disputedLost: totals.disputedLost
        )
    }
}
