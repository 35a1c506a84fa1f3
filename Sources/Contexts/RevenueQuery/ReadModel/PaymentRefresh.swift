/// What recomputing the payments of a batch changed: the payment rows replaced or removed and
/// those written in their place, and the new totals of every email group they moved in.
struct PaymentRefresh: Sendable {
    var removed: [PaymentRow] = []
    var added: [PaymentRow] = []
    /// Email ("" for the payments without one) → its totals per currency now.
    var groups: [String: [String: CurrencyTotals]] = [:]
}
