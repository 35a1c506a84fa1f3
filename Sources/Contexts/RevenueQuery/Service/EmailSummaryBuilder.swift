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

    /// The same summary from the index's rows (already most recent first), for the grids.
    static func summary(asked email: String, found: EmailRows) -> RevenueV1.EmailSummary {
        let rows = found.rows
        var summary = RevenueV1.EmailSummary(email: email, normalizedEmail: found.email ?? "")
        guard !rows.isEmpty else { return summary }
        summary.found = true
        summary.totals = rows.map { currencyTotal($0.currency, $0.totals.totals) }
        summary.lastPurchaseAt = summary.totals.map(\.lastPurchaseAt).max() ?? 0
        summary.lastCurrency = rows[0].currency
        summary.orders = summary.totals.reduce(0) { $0 + $1.orders }
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
