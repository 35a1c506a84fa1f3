import BridgeRPC
import Contracts

extension RevenueService {
    /// Most days one RevenueSeries call may span (about ten years).
    static let maximumSeriesDays: Int64 = 3_700

    /// What one email bought from the business, each payment once.
    public func stripeInfoByEmail(
        _ request: RevenueV1.StripeInfoByEmailRequest
    ) throws -> RevenueV1.StripeInfoByEmailResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        try RevenueArguments.validate(email: request.email)
        let normalized = EmailAddress.normalize(request.email) ?? ""
        let summary = reading(request.businessId) { book, _ in
            book.map { EmailSummaryBuilder.summary(asked: request.email, in: $0.index) }
        }
        guard let summary else { return .init(connected: false, summary: .init(email: request.email)) }
        let derived = store(request.businessId)
        let keys = try derived.keys(ofEmail: normalized)
        return StripeInfoBuilder.info(
            summary: summary, customers: try derived.customers(withEmail: normalized),
            keys: Set(keys), ledger: try derived.slice(reaching: Set(keys)).ledger
        )
    }

    /// Net revenue and orders per period and currency between `from` (inclusive) and `to`.
    public func revenueSeries(_ request: RevenueV1.RevenueSeriesRequest) throws -> RevenueV1.RevenueSeriesResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        guard let period = RevenueSeriesBuilder.Period(rawValue: request.period) else {
            throw RPCError.invalidArgument("period \"\(request.period)\" is unknown; use day or month")
        }
        guard request.from < request.to else {
            throw RPCError.invalidArgument("from (\(request.from)) must be before to (\(request.to))")
        }
        // Subtracting arbitrary Int64 bounds could overflow; the span is checked without it.
        let (span, overflowed) = request.to.subtractingReportingOverflow(request.from)
        guard !overflowed, span / UTCDay.seconds <= Self.maximumSeriesDays else {
            throw RPCError.invalidArgument(
                "from..to spans more than \(Self.maximumSeriesDays) days; ask a shorter range")
        }
        guard isConnected(request.businessId) else { return .init() }
        // Whole UTC days are read from memory; only the parts of days the range cuts at its ends
        // are summed from SQLite, so any range costs at most two days of payments.
        let firstMidnight = UTCDay.startOnOrAfter(request.from)
        let lastMidnight = UTCDay.start(of: request.to)
        var days: [DailyTotal] = []
        let derived = store(request.businessId)
        guard firstMidnight < lastMidnight else {
            try derived.forEachDailyTotal(from: request.from, to: request.to) { days.append($0) }
            return .init(points: RevenueSeriesBuilder.points(days, period: period))
        }
        days = reading(request.businessId) { book, _ in
            book?.daily.days(from: firstMidnight, to: lastMidnight) ?? []
        }
        if request.from < firstMidnight {
            try derived.forEachDailyTotal(from: request.from, to: firstMidnight) { days.append($0) }
        }
        if lastMidnight < request.to {
            try derived.forEachDailyTotal(from: lastMidnight, to: request.to) { days.append($0) }
        }
        return .init(points: RevenueSeriesBuilder.points(days, period: period))
    }
}
