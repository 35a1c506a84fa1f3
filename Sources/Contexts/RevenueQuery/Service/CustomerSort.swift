import BridgeRPC

/// How ListCustomers orders its rows: largest first, ties by email.
enum CustomerSort: String, CaseIterable {
    case spent
    case orders
    case lastPurchase = "last_purchase"

    /// Reads the request's sort; empty means spent.
    init(argument: String) throws {
        guard !argument.isEmpty else {
            self = .spent
            return
        }
        guard let sort = CustomerSort(rawValue: argument) else {
            let known = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw RPCError.invalidArgument(
                "sort \"\(argument)\" is unknown; use one of \(known), or leave it empty")
        }
        self = sort
    }

    /// The value an email is ranked by, read from the index's rows: spent in the currency of
    /// the latest purchase (ties: the alphabetically first currency), all orders, or the latest
    /// purchase time (0 when none has a time).
    func value(ofEmailID id: Int32, in index: EmailTotalsIndex) -> Int64 {
        var orders: Int64 = 0
        var latest = Int64.min
        var latestCurrency = ""
        var latestSpent: Int64 = 0
        var any = false
        index.forEachRow(ofID: id) { row, currency, _ in
            orders += Int64(row.orders)
            if !any || row.lastPurchaseAt > latest || (row.lastPurchaseAt == latest && currency < latestCurrency) {
                (latest, latestCurrency, latestSpent) = (row.lastPurchaseAt, currency, row.spent)
            }
            any = true
        }
        switch self {
        case .spent: return latestSpent
        case .orders: return orders
        case .lastPurchase: return latest == .min ? 0 : latest
        }
    }

    /// The order of every sort: larger value first, then email by UTF-8 bytes. Bytes, not
    /// `String` order, which deems canonically equivalent spellings equal: emails are unique
    /// per listing, so this order is total and a (value, email) position names one place in it.
    static func ranks(
        _ value: Int64, _ email: String, before otherValue: Int64, _ otherEmail: String
    ) -> Bool {
        value != otherValue
            ? value > otherValue : email.utf8.lexicographicallyPrecedes(otherEmail.utf8)
    }
}
