import AccessControl
import Contracts
import XCTest

/// Bad arguments get INVALID_ARGUMENT naming which one and why; calls need a grant for the
/// business they name; ApplyChanges (between contexts) needs none.
final class RevenueArgumentTests: XCTestCase {
    private var fixture: RevenueServiceFixture!
    private typealias Query = RevenueV1.RevenueQuery

    override func setUpWithError() throws {
        fixture = try RevenueServiceFixture()
    }

    override func tearDown() {
        fixture.tearDown()
    }

    private func assertInvalid(_ mentions: String, line: UInt = #line, _ body: () throws -> Void) {
        let error = assertRevenueError(.invalidArgument, line: line, body)
        XCTAssertTrue(error?.message.contains(mentions) == true, "\(String(describing: error))", line: line)
    }

    func testBadArgumentsAreNamed() {
        let many = (0...1_000).map { "u\($0)@example.com" }
        assertInvalid("at most 1000") { _ = try fixture.summaries("biz", many) }
        assertInvalid("emails[1]") { _ = try fixture.summaries("biz", ["a@example.com", "not-an-email"]) }
        assertInvalid("business_id") { _ = try fixture.summaries("", ["a@example.com"]) }
        assertInvalid("sort") {
            _ = try fixture.call(Query.listCustomers, .init(businessId: "biz", sort: "cheapest"), grantFor: "biz")
        }
        assertInvalid("period") {
            _ = try fixture.call(
                Query.revenueSeries, .init(businessId: "biz", from: 0, to: 10, period: "week"), grantFor: "biz"
            )
        }
        assertInvalid("from") {
            _ = try fixture.call(
                Query.revenueSeries, .init(businessId: "biz", from: 10, to: 0, period: "day"), grantFor: "biz"
            )
        }
        assertInvalid("spans more than") {
            _ = try fixture.call(
                Query.revenueSeries, .init(businessId: "biz", from: .min, to: .max, period: "month"), grantFor: "biz"
            )
        }
        assertInvalid("email") {
            _ = try fixture.call(Query.stripeInfoByEmail, .init(businessId: "biz", email: "a@b"), grantFor: "biz")
        }
        assertInvalid("page_token") {
            _ = try fixture.call(Query.listCustomers, .init(businessId: "biz", pageToken: "x"), grantFor: "biz")
        }
        assertInvalid("filter is 201 characters long; at most 200") {
            let filter = String(repeating: "é", count: 201)
            _ = try fixture.call(Query.listCustomers, .init(businessId: "biz", filter: filter), grantFor: "biz")
        }
        assertInvalid("currency \"usdollar\" is not a three-letter ISO code") {
            _ = try fixture.call(Query.listCustomers, .init(businessId: "biz", currency: "usdollar"), grantFor: "biz")
        }
        assertInvalid("emails[0] is 305 bytes long; an email address has at most 254") {
            _ = try fixture.summaries("biz", [String(repeating: "x", count: 300) + "@a.co"])
        }
    }

    func testEveryBusinessCallNeedsAGrantForThatBusiness() throws {
        assertRevenueError(.permissionDenied) {
            _ = try fixture.call(Query.summaryByEmails, .init(businessId: "biz", emails: []), grantFor: nil)
        }
        assertRevenueError(.permissionDenied) {
            _ = try fixture.call(Query.listCustomers, .init(businessId: "biz"), grantFor: "other")
        }
        assertRevenueError(.permissionDenied) {
            _ = try fixture.call(Query.upsertContacts, .init(businessId: "biz"), grantFor: "other")
        }
        assertRevenueError(.permissionDenied) {
            _ = try fixture.call(
                Query.revenueSeries, .init(businessId: "biz", from: 0, to: 1, period: "day"), grantFor: "other"
            )
        }
        XCTAssertEqual(try fixture.apply("biz", []).applied, 0, "ApplyChanges is internal and needs no grant")
    }
}
