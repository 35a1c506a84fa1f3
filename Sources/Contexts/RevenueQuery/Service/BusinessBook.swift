/// What RevenueQuery holds in memory for one connected business: the per-email totals the
/// grids read and the daily totals the dashboard's series read. The objects and payments
/// behind them stay in SQLite (see `DerivedStore`).
struct BusinessBook: Sendable {
    var stripeAccountID: String
    var index = EmailTotalsIndex()
    var daily = DailyTotalsIndex()

    init(stripeAccountID: String) {
        self.stripeAccountID = stripeAccountID
    }
}
