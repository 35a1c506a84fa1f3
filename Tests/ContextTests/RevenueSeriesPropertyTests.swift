import Contracts
import Foundation
import XCTest

@testable import RevenueQuery

/// RevenueSeries equals a recomputation from the raw charges, however they arrived: in
/// batches, then refunded further (newer versions), through the in-memory daily totals (whole
/// days), through SQLite (ranges cutting a day), and after a restart.
final class RevenueSeriesPropertyTests: XCTestCase {
    private struct Charge {
        let id: String
        let amount: Int64
        var refunded: Int64
        let currency: String
        let created: Int64

        var json: LedgerTestObject {
            LedgerTestObject(
                "charge",
                """
                {"id":"\(id)","status":"succeeded","captured":true,"amount_captured":\(amount),
                 "amount_refunded":\(refunded),"currency":"\(currency)",
                 "receipt_email":"p\(amount % 17)@example.com","created":\(created)}
                """)
        }
    }

    private static let day: Int64 = 86_400
    private var fixture: RevenueServiceFixture!
    private var generator = SystemRandomNumberGenerator()

    override func setUpWithError() throws {
        fixture = try RevenueServiceFixture()
    }

    override func tearDown() {
        fixture.tearDown()
    }

    func testSeriesEqualsARecomputationFromTheCharges() throws {
        var charges = (0..<400).map { number in
            let amount = Int64.random(in: 0...20_000, using: &generator)
            return Charge(
                id: "ch_p\(number)", amount: amount,
                refunded: [0, 0, amount, amount / 3][Int.random(in: 0...3, using: &generator)],
                currency: ["usd", "eur", "jpy"][Int.random(in: 0...2, using: &generator)],
                created: Int64.random(in: -40 * Self.day...120 * Self.day, using: &generator))
        }
        for batch in stride(from: 0, to: charges.count, by: 100) {
            try fixture.apply("biz", charges[batch..<(batch + 100)].map(\.json))
        }
        try checkEveryRange(charges)

        // Newer versions: some charges refunded in full, some partly; days may empty out.
        for index in charges.indices where Int.random(in: 0...3, using: &generator) == 0 {
            charges[index].refunded = Bool.random(using: &generator) ? charges[index].amount : charges[index].amount / 2
        }
        try fixture.apply("biz", charges.map(\.json), version: 2)
        try checkEveryRange(charges)

        try fixture.restart()
        try checkEveryRange(charges)
    }

    /// Sums past Int64 (impossible under Stripe's limits) read as the largest amount, not wrapped.
    func testADayPastTheLargestAmountReadsAsIt() throws {
        let charges = (0..<2).map { number in
            Charge(
                id: "ch_huge\(number)", amount: 9_000_000_000_000_000_000, refunded: 0, currency: "usd", created: 100)
        }
        try fixture.apply("biz", charges.map(\.json))
        let answer = try fixture.call(
            RevenueV1.RevenueQuery.revenueSeries, .init(businessId: "biz", from: 0, to: Self.day, period: "day"),
            grantFor: "biz")
        XCTAssertEqual(answer.points.map(\.net), [.max])
        XCTAssertEqual(answer.points.map(\.orders), [2])
        // A payment dated past what the calendar reckons with is counted, not trapped on.
        let far = Charge(id: "ch_far", amount: 100, refunded: 0, currency: "eur", created: 9_000_000_000_000_000_000)
        try fixture.apply("biz", [far.json])
        let farMonth = try fixture.call(
            RevenueV1.RevenueQuery.revenueSeries,
            .init(businessId: "biz", from: far.created - 100, to: far.created + 100, period: "month"), grantFor: "biz")
        XCTAssertEqual(farMonth.points.map(\.net), [100])
        // Ranges at either end of Int64 are answered, not trapped on while rounding to days.
        for (from, to) in [(Int64.max - 100, Int64.max), (Int64.min, Int64.min + 100)] {
            let edge = try fixture.call(
                RevenueV1.RevenueQuery.revenueSeries, .init(businessId: "biz", from: from, to: to, period: "month"),
                grantFor: "biz")
            XCTAssertEqual(edge.points, [])
        }
    }

    private func checkEveryRange(_ charges: [Charge], file: StaticString = #filePath, line: UInt = #line) throws {
        let day = Self.day
        let ranges: [(Int64, Int64)] = [
            (-30 * day, 100 * day), (-50 * day, 130 * day), (-30 * day + 3_600, 99 * day - 1),
        ]
        for (from, to) in ranges {
            for (period, start) in [
                ("day", { (time: Int64) in time - ((time % day) + day) % day }), ("month", monthStart),
            ] {
                let answer = try fixture.call(
                    RevenueV1.RevenueQuery.revenueSeries, .init(businessId: "biz", from: from, to: to, period: period),
                    grantFor: "biz")
                var expected: [String] = []
                var sums: [String: (net: Int64, orders: Int64)] = [:]
                for charge in charges where charge.created >= from && charge.created < to && charge.amount > 0 {
                    let net = max(0, charge.amount - charge.refunded)
                    let key = "\(start(charge.created)) \(charge.currency)"
                    if sums[key] == nil { expected.append(key) }
                    sums[key, default: (0, 0)].net += net
                    sums[key, default: (0, 0)].orders += net > 0 ? 1 : 0
                }
                let found = answer.points.map { "\($0.periodStart) \($0.currency) \($0.net) \($0.orders)" }
                let wanted = expected.sorted { lhs, rhs in
                    let (left, right) = (lhs.split(separator: " "), rhs.split(separator: " "))
                    return (Int64(left[0])!, left[1]) < (Int64(right[0])!, right[1])
                }.map { "\($0) \(sums[$0]!.net) \(sums[$0]!.orders)" }
                XCTAssertEqual(found, wanted, "\(period) \(from)..<\(to)", file: file, line: line)
            }
        }
    }

    /// The start of the UTC month holding `time`, worked out with a calendar.
    private func monthStart(_ time: Int64) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(time)))
        return Int64(calendar.date(from: parts)!.timeIntervalSince1970)
    }
}
