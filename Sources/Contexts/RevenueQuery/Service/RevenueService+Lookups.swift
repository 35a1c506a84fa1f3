import BridgeRPC
import Contracts

extension RevenueService {
    /// The grids' batch lookup: one row per email asked, in the order asked, duplicates included.
    public func summaryByEmails(_ request: RevenueV1.SummaryByEmailsRequest) throws -> RevenueV1.SummaryByEmailsResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        try RevenueArguments.validate(emails: request.emails, maximum: Self.maximumEmailsPerCall)
        return reading(request.businessId) { book, _ in
            guard let book else {
                return .init(summaries: request.emails.map { RevenueV1.EmailSummary(email: $0) }, connected: false)
            }
            let summaries = request.emails.map { email in
                EmailSummaryBuilder.summary(asked: email, totals: book.rollup.totals(forEmail: email))
            }
            return .init(summaries: summaries, connected: true)
        }
    }

    /// The "Stripe Spent" and "Stripe Orders" cells: present only when connected and paid.
    public func stripeColumns(_ request: RevenueV1.StripeColumnsRequest) throws -> RevenueV1.StripeColumnsResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        try RevenueArguments.validate(emails: request.emails, maximum: Self.maximumEmailsPerCall)
        return reading(request.businessId) { book, _ in
            guard let book else {
                return .init(connected: false, columns: request.emails.map { RevenueV1.StripeColumn(email: $0) })
            }
            let columns = request.emails.map { email in
                StripeColumnBuilder.column(asked: email, totals: book.rollup.totals(forEmail: email))
            }
            return .init(connected: true, columns: columns)
        }
    }

    public func topCustomers(_ request: RevenueV1.TopCustomersRequest) throws -> RevenueV1.TopCustomersResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        guard request.limit >= 0, request.limit <= 1_000 else {
            throw RPCError.invalidArgument("limit must be between 0 and 1000, got \(request.limit)")
        }
        return reading(request.businessId) { book, _ in
            guard let rollup = book?.rollup else { return .init() }
            let currency = request.currency.lowercased()
            let ranked = rollup.byEmail
                .compactMap { email, byCurrency -> (String, CurrencyTotals)? in
                    guard let row = currency.isEmpty ? nil : byCurrency[currency] else {
                        return currency.isEmpty ? (email, byCurrency.values.first!) : nil
                    }
                    return (email, row)
                }
                .sorted { lhs, rhs in lhs.1.spent != rhs.1.spent ? lhs.1.spent > rhs.1.spent : lhs.0 < rhs.0 }
                .prefix(request.limit == 0 ? 10 : Int(request.limit))
            let customers = ranked.map { email, _ in
                EmailSummaryBuilder.summary(asked: email, totals: rollup.totals(forEmail: email))
            }
            let withoutEmail = rollup.withoutEmail.keys.sorted().map { code in
                EmailSummaryBuilder.currencyTotal(code, rollup.withoutEmail[code]!)
            }
            var business: [String: CurrencyTotals] = rollup.withoutEmail
            for byCurrency in rollup.byEmail.values {
                for (code, row) in byCurrency { business[code, default: CurrencyTotals()].merge(row) }
            }
            let overall = business.keys.sorted().map { EmailSummaryBuilder.currencyTotal($0, business[$0]!) }
            return .init(customers: customers, withoutEmail: withoutEmail, totals: overall)
        }
    }
}
