/// Net revenue and orders per UTC day and currency of one business, kept in memory beside the
/// email index: a dashboard's year of revenue reads a few thousand sums instead of the million
/// payments behind them. Counts exactly what `forEachDailyTotal` sums from SQLite.
struct DailyTotalsIndex: Sendable {
    private struct Key: Hashable, Sendable {
        let day: Int64
        let currency: String
    }

    private struct Sums: Sendable {
        var net: Int64 = 0
        var orders: Int64 = 0
        /// Payments in the bucket, orders or not: a day of only refunded payments still shows.
        var payments: Int64 = 0
        /// Set once `net` wrapped; the day then reads as the largest amount until a restart
        /// rebuilds it. No real day gets here: Stripe caps a charge at eight digits.
        var wrapped = false
    }

    private var sums: [Key: Sums] = [:]

    mutating func add(_ row: PaymentRow) { apply(row, sign: 1) }

    mutating func remove(_ row: PaymentRow) { apply(row, sign: -1) }

    /// The days starting in `from..<to`, in no particular order.
    func days(from: Int64, to: Int64) -> [DailyTotal] {
        sums.compactMap { key, sums in
            guard key.day >= from, key.day < to else { return nil }
            return DailyTotal(
                day: key.day, currency: key.currency, net: sums.wrapped ? .max : sums.net, orders: sums.orders)
        }
    }

    /// Wrapping arithmetic keeps removal the exact inverse of addition; a day that ever wraps
    /// is marked (see `Sums.wrapped`).
    private mutating func apply(_ row: PaymentRow, sign: Int64) {
        let contribution = row.contribution
        guard let time = contribution.time, contribution.gross > 0 else { return }
        let key = Key(day: UTCDay.start(of: time), currency: row.currency)
        var bucket = sums[key] ?? Sums()
        let (net, overflow) = bucket.net.addingReportingOverflow(sign &* contribution.net)
        bucket.net = net
        bucket.wrapped = bucket.wrapped || overflow
        bucket.orders &+= contribution.isOrder ? sign : 0
        bucket.payments &+= sign
        sums[key] = bucket.payments == 0 ? nil : bucket
    }
}
