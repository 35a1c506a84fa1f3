/// One email's rows as the grids read them, most recent purchase first. (Named types rather
/// than tuples: tuple arrays cost a runtime metadata lookup on every call of the hot path.)
struct EmailRows: Sendable {
    /// The normalised address; nil when the text asked is not one.
    let email: String?
    let rows: [CurrencyRow]
}

/// One currency of an email's totals.
struct CurrencyRow: Sendable {
    let currency: String
    let totals: TotalsRow
}
