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

    /// The value an email is ranked by, read from the index's rows; nil when `only` is set and
    /// the email never paid in `currency`. With `only`, every figure is that currency's; without
    /// it, spent is still ranked in `currency` (below any amount when it never paid in it, so
    /// after a customer whose payments were all refunded), orders count every
    /// currency and the latest purchase is the latest in any (0 when none has a time).
    func value(ofEmailID id: Int32, in index: EmailTotalsIndex, currency: String, only: Bool) -> Int64? {
        var orders: Int64 = 0
        var latest = Int64.min
        var spent: Int64 = 0
        var paidInCurrency = false
        index.forEachRow(ofID: id) { row, code, _ in
            let counted = !only || code == currency
            if code == currency {
                spent = row.spent
                paidInCurrency = true
            }
            if counted {
                orders += Int64(row.orders)
                latest = max(latest, row.lastPurchaseAt)
            }
        }
        guard paidInCurrency || !only else { return nil }
        switch self {
        case .spent: return paidInCurrency ? spent : .min  // after everyone who paid in it
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
