/// One buyer's totals in every currency they paid in. Currencies are never added together.
public struct EmailTotals: Sendable, Equatable {
    /// The normalised email; nil for the payments that carry no email.
    public var email: String?
    /// Lower-case currency code → totals.
    public var byCurrency: [String: CurrencyTotals]

    public init(email: String?, byCurrency: [String: CurrencyTotals]) {
        self.email = email
        self.byCurrency = byCurrency
    }

    /// More than one currency: a single-number view must say so.
    public var hasSeveralCurrencies: Bool { byCurrency.count > 1 }

    /// The currency of the latest order (ties and missing times broken by code), for a view
    /// that shows one currency.
    public var mostRecentCurrency: String? {
        byCurrency
            .max { lhs, rhs in
                let left = lhs.value.lastPurchaseAt ?? .min
                let right = rhs.value.lastPurchaseAt ?? .min
                return left != right ? left < right : lhs.key > rhs.key
            }?
            .key
    }
}
