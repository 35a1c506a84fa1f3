import Contracts
import Foundation

/// Net revenue and orders per UTC day or month and currency, from daily totals.
enum RevenueSeriesBuilder {
    enum Period: String, CaseIterable {
        case day, month
    }

    /// Points from daily totals, each day folded into its month when `period` is month.
    static func points(_ days: [DailyTotal], period: Period) -> [RevenueV1.SeriesPoint] {
        struct Bucket: Hashable {
            var start: Int64
            var currency: String
        }
        var sums: [Bucket: (net: Int64, orders: Int64)] = [:]
        var starts: [Int64: Int64] = [:]
        for total in days {
            let start = period == .day ? total.day : starts[total.day] ?? monthStart(of: total.day, cache: &starts)
            let bucket = Bucket(start: start, currency: total.currency)
            var sum = sums[bucket] ?? (0, 0)
            sum.net = sum.net.saturatingAdd(total.net)
            sum.orders = sum.orders.saturatingAdd(total.orders)
            sums[bucket] = sum
        }
        return
            sums
            .sorted { ($0.key.start, $0.key.currency) < ($1.key.start, $1.key.currency) }
            .map { bucket, sum in
                RevenueV1.SeriesPoint(
                    periodStart: bucket.start, currency: bucket.currency, net: sum.net, orders: sum.orders,
                    netDisplay: Money.display(amount: sum.net, currency: bucket.currency)
                )
            }
    }

    /// The start of the UTC month holding a day start, remembered per day.
    private static func monthStart(of day: Int64, cache: inout [Int64: Int64]) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: TimeInterval(day))
        let parts = calendar.dateComponents([.year, .month], from: date)
        // Times past what the calendar reckons with (no real payment has one) stay as their day.
        guard let month = calendar.date(from: parts)?.timeIntervalSince1970, month.magnitude < 1e17 else {
            cache[day] = day
            return day
        }
        let start = Int64(month)
        cache[day] = start
        return start
    }
}
