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
            throw RPCError.invalidArgument("sort \"\(argument)\" is unknown; use one of \(known), or leave it empty")
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
}
