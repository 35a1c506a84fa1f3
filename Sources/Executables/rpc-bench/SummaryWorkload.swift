import BenchKit
import BridgeRPC
import Contracts

/// Stand-in for RevenueQuery's SummaryByEmails: the same contract and answer sizes (10–40 KB),
/// without the ledger, so the figures measure the transport and message coding only.
enum SummaryWorkload {
    /// Grid pages of 70 to 260 emails: answers of roughly 10 to 40 KB.
    static func request(_ index: Int) -> RevenueV1.SummaryByEmailsRequest {
        let count = 70 + (index * 37) % 191
        return .init(businessId: "biz_bench", emails: (0..<count).map { "buyer\($0)@example.com" })
    }

    static func register(on server: RPCServer) {
        server.register(RevenueV1.RevenueQuery.summaryByEmails) { request, _ in answer(request) }
    }

    /// Calls per second one thread manages with no transport at all: encode the request,
    /// decode it, build and encode the answer, decode it. The ceiling the codec alone allows.
    static func codingOnlyCallsPerSecond(calls: Int) throws -> Double {
        let started = ContinuousClock.now
        for index in 0..<calls {
            let request = try RevenueV1.SummaryByEmailsRequest(serialized: request(index).serialized())
            let answer = try RevenueV1.SummaryByEmailsResponse(serialized: answer(request).serialized())
            guard answer.summaries.count == request.emails.count else {
                throw BenchError(
                    "a decoded answer has \(answer.summaries.count) rows for \(request.emails.count) emails")
            }
        }
        return Double(calls) / (BenchClock.microseconds(since: started) / 1e6)
    }

    private static func answer(_ request: RevenueV1.SummaryByEmailsRequest)
        -> RevenueV1.SummaryByEmailsResponse
    {
        let summaries = request.emails.enumerated().map { index, email in
            RevenueV1.EmailSummary(
                email: email, normalizedEmail: email, found: true,
                totals: [
                    .init(
                        currency: "usd", spent: Int64(1_000 + index), orders: 3, gross: 9_000,
                        refunded: 500, display: "$10.00", lastPurchaseAt: 1_700_000_000),
                    .init(
                        currency: "eur", spent: 2_500, orders: 1, gross: 2_500, refunded: 0,
                        display: "€25.00", lastPurchaseAt: 1_700_000_500),
                ],
                lastPurchaseAt: 1_700_000_500, lastCurrency: "eur", orders: 4)
        }
        return .init(summaries: summaries, connected: true)
    }
}
