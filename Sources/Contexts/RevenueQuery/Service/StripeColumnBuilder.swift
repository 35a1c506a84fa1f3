import Contracts

/// Turns one email's summary into the grids' two Stripe cells.
enum StripeColumnBuilder {
    /// Spent shows the currency of the latest purchase; `other_currencies` says how many more.
    static func column(asked email: String, summary: RevenueV1.EmailSummary) -> RevenueV1.StripeColumn {
        guard let latest = summary.totals.first else { return RevenueV1.StripeColumn(email: email) }
        return RevenueV1.StripeColumn(
            email: email,
            present: true,
            spentDisplay: latest.display,
            ordersDisplay: String(summary.orders),
            otherCurrencies: Int32(summary.totals.count - 1)
        )
    }
}
