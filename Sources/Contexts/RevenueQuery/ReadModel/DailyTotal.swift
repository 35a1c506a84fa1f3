/// Net revenue and orders of one currency on one UTC day.
struct DailyTotal: Sendable, Equatable {
    /// Unix seconds of the day's start.
    let day: Int64
    let currency: String
    let net: Int64
    let orders: Int64
}
