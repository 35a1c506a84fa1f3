import Contracts

/// Turns one email's totals into the grids' two Stripe cells.
enum StripeColumnBuilder {
    /// Spent shows the currency of the latest purchase; `other_currencies` says how many more.
    static func column(asked email: String, totals: EmailTotals) -> RevenueV1.StripeColumn {
        guard let currency = totals.mostRecentCurrency, let row = totals.byCurrency[currency] else {
            return RevenueV1.StripeColumn(email: email)
        }
        let orders = totals.byCurrency.values.reduce(0) { $0 + $1.orders }
        return RevenueV1.StripeColumn(
            email: email,
            present: true,
            spentDisplay: Money.display(amount: row.spent, currency: currency),
            ordersDisplay: String(orders),
            otherCurrencies: Int32(totals.byCurrency.count - 1)
        )
    }
}
