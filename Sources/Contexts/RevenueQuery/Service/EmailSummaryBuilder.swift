import Contracts

/// Turns the index's rows into the contract's EmailSummary rows.
enum EmailSummaryBuilder {
    /// The summary of an email as asked (normalised when needed); the grids' hot path.
    static func summary(asked email: String, in index: EmailTotalsIndex) -> RevenueV1.EmailSummary {
        var totals: [RevenueV1.CurrencyTotal] = []
        let normalized = index.forEachRow(ofEmail: email) { totals.append(currencyTotal($0, $1, $2)) }
        return summary(asked: email, normalized: normalized ?? "", totals: totals)
    }

    /// The summary of the email `id` of the index, asked under its own address.
    static func summary(ofID id: Int32, in index: EmailTotalsIndex) -> RevenueV1.EmailSummary {
        var totals: [RevenueV1.CurrencyTotal] = []
        index.forEachRow(ofID: id) { totals.append(currencyTotal($0, $1, $2)) }
        let email = index.email(ofID: id)
        return summary(asked: email, normalized: email, totals: totals)
    }

    /// Most recent purchase first (ties: alphabetical): the grid shows the first currency and
    /// says there are more.
    private static func summary(
        asked email: String, normalized: String, totals: [RevenueV1.CurrencyTotal]
    ) -> RevenueV1.EmailSummary {
        var summary = RevenueV1.EmailSummary(email: email, normalizedEmail: normalized)
        guard !totals.isEmpty else { return summary }
        var totals = totals
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

    private static func currencyTotal(
        _ row: TotalsRow, _ currency: String, _ format: CurrencyFormat
    ) -> RevenueV1.CurrencyTotal {
        RevenueV1.CurrencyTotal(
            currency: currency, spent: row.spent, orders: Int64(row.orders), gross: row.gross,
            refunded: row.refunded, display: format.display(row.spent),
            lastPurchaseAt: row.lastPurchaseAt == .min ? 0 : row.lastPurchaseAt, disputedLost: row.disputedLost)
    }

    /// A business-wide or no-email roll-up in one currency.
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
