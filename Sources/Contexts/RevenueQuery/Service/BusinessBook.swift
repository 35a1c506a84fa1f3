/// What RevenueQuery holds in memory for one connected business: the per-email totals the
/// grids read. The objects and payments behind them stay in SQLite (see `DerivedStore`).
struct BusinessBook: Sendable {
    var stripeAccountID: String
    var index = EmailTotalsIndex()

    init(stripeAccountID: String) {
        self.stripeAccountID = stripeAccountID
    }
}
