import Contracts

/// A business's totals per currency, summed from every email's rows and the payments without
/// one. A business has a handful of currencies: a short list beats hashing 200,000 times.
struct BusinessTotals {
    private var currencies: [String] = []
    private var totals: [CurrencyTotals] = []

    init(_ start: [String: CurrencyTotals]) {
        for (code, total) in start { add(total, currency: code) }
    }

    mutating func add(_ total: CurrencyTotals, currency: String) {
        if let slot = currencies.firstIndex(of: currency) {
            totals[slot].merge(total)
        } else {
            currencies.append(currency)
            totals.append(total)
        }
    }

    /// One contract row per currency, alphabetically.
    func sorted() -> [RevenueV1.CurrencyTotal] {
        currencies.indices.sorted { currencies[$0] < currencies[$1] }.map { slot in
            EmailSummaryBuilder.currencyTotal(currencies[slot], totals[slot])
        }
    }
}
