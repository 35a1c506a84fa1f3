import BridgeRPC
import Contracts

extension RevenueService {
    /// The grids' batch lookup: one row per email asked, in the order asked, duplicates included.
    public func summaryByEmails(_ request: RevenueV1.SummaryByEmailsRequest) throws -> RevenueV1.SummaryByEmailsResponse
    {
        try RevenueArguments.validate(businessID: request.businessId)
        try RevenueArguments.validate(emails: request.emails, maximum: Self.maximumEmailsPerCall)
        return reading(request.businessId) { book, _ in
            guard let book else {
                return .init(summaries: request.emails.map { RevenueV1.EmailSummary(email: $0) }, connected: false)
            }
            let summaries = request.emails.map { email in
                EmailSummaryBuilder.summary(asked: email, in: book.index)
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
                StripeColumnBuilder.column(
                    asked: email, summary: EmailSummaryBuilder.summary(asked: email, in: book.index))
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
            guard let index = book?.index else { return .init() }
            let currency = request.currency.lowercased()
            var business = BusinessTotals(index.withoutEmail)
            var ranking = BoundedRanking<RankedEmail>(
                limit: request.limit == 0 ? 10 : Int(request.limit), ranksBefore: RankedEmail.ranksBefore)
            index.forEachEmailID { id in
                // Amounts in different currencies are never compared: without a currency the
                // ranking is by orders, all currencies together.
                var orders: Int64 = 0
                var spent: Int64?
                index.forEachRow(ofID: id) { row, code, _ in
                    business.add(row.totals, currency: code)
                    orders += Int64(row.orders)
                    if code == currency { spent = row.spent }
                }
                guard currency.isEmpty || spent != nil else { return }
                ranking.offer(RankedEmail(id: id, email: index.email(ofID: id), value: spent ?? orders))
            }
            let customers = ranking.ranked().map { entry in
                EmailSummaryBuilder.summary(ofID: entry.id, in: index)
            }
            let withoutEmail = index.withoutEmail.keys.sorted().map { code in
                EmailSummaryBuilder.currencyTotal(code, index.withoutEmail[code]!)
            }
            return .init(customers: customers, withoutEmail: withoutEmail, totals: business.sorted())
        }
    }
}
