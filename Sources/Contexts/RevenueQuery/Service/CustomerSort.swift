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

    func value(of totals: EmailTotals) -> Int64 {
        switch self {
        case .spent: totals.mostRecentCurrency.flatMap { totals.byCurrency[$0]?.spent } ?? 0
        case .orders: Int64(totals.byCurrency.values.reduce(0) { $0 + $1.orders })
        case .lastPurchase: totals.byCurrency.values.compactMap(\.lastPurchaseAt).max() ?? 0
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
