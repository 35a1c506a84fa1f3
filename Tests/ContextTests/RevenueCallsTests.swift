import Contracts
import XCTest

/// ListCustomers, contacts, SummaryByEmails ordering, StripeColumns, StripeInfoByEmail and
/// RevenueSeries, through the service's socket.
final class RevenueCallsTests: XCTestCase {
    private var fixture: RevenueServiceFixture!
    private typealias Query = RevenueV1.RevenueQuery

    override func setUpWithError() throws {
        fixture = try RevenueServiceFixture()
        // Three buyers: ann 3 × 1000 usd, bob 1 × 5000 usd (latest), cat 2 × 700 eur.
        var objects: [LedgerTestObject] = [
            .init("customer", #"{"id":"cus_ann","email":"Ann@Example.com","name":"Ann Archer"}"#),
            .init("customer", #"{"id":"cus_bob","email":"bob@example.com","name":"Bob Baker"}"#),
        ]
        let buys: [(String, String, Int, String, Int)] = [
            ("ch_a1", "cus_ann", 1000, "usd", 86_400 * 10), ("ch_a2", "cus_ann", 1000, "usd", 86_400 * 11),
            ("ch_a3", "cus_ann", 1000, "usd", 86_400 * 40), ("ch_b1", "cus_bob", 5000, "usd", 86_400 * 50),
        ]
        for (id, customer, amount, currency, time) in buys {
            objects.append(
                .init(
                    "charge",
                    """
                    {"id":"\(id)","status":"succeeded","captured":true,"amount_captured":\(amount),
                     "currency":"\(currency)","customer":"\(customer)","created":\(time)}
                    """))
        }
        objects.append(contentsOf: [
            .init(
                "payment_intent",
                """
                {"id":"pi_c1","status":"succeeded","amount_received":700,"currency":"eur","created":\(86_400 * 10 + 5)}
                """),
            .init(
                "checkout.session",
                """
                {"id":"cs_c1","mode":"payment","status":"complete","payment_status":"paid","amount_total":700,
                 "currency":"eur","payment_intent":"pi_c1","customer_details":{"email":"cat@example.com"},
                 "line_items":{"object":"list","data":[{"description":"Yoga mat","quantity":2,"amount_total":700,
                 "currency":"eur","price":{"id":"price_mat","product":"prod_mat"}}]}}
                """),
            .init(
                "charge",
                """
                {"id":"ch_c2","status":"succeeded","captured":true,"amount_captured":700,"currency":"eur",
                 "receipt_email":"cat@example.com","created":\(86_400 * 12)}
                """),
        ])
        try fixture.apply("biz", objects)
    }

    override func tearDown() {
        fixture.tearDown()
    }

    private func list(
        sort: String = "", filter: String = "", size: Int32 = 0, token: String = ""
    ) throws -> RevenueV1.ListCustomersResponse {
        try fixture.call(
            Query.listCustomers,
            .init(businessId: "biz", sort: sort, filter: filter, pageSize: size, pageToken: token),
            grantFor: "biz"
        )
    }

    func testListCustomersSortsPagesAndFilters() throws {
        XCTAssertEqual(try list().customers.map(\.email), ["bob@example.com", "ann@example.com", "cat@example.com"])
        XCTAssertEqual(
            try list(sort: "orders").customers.map(\.email),
            [
                "ann@example.com", "cat@example.com", "bob@example.com",
            ])
        XCTAssertEqual(try list(sort: "last_purchase").customers.first?.email, "bob@example.com")
        let first = try list(size: 2)
        XCTAssertEqual(first.customers.count, 2)
        XCTAssertEqual(first.totalCount, 3)
        let second = try list(size: 2, token: first.nextPageToken)
        XCTAssertEqual(second.customers.map(\.email), ["cat@example.com"])
        XCTAssertEqual(second.nextPageToken, "")
        XCTAssertEqual(try list(filter: "BAKER").customers.map(\.email), ["bob@example.com"])
        let ann = try XCTUnwrap(try list(filter: "ann@").customers.first)
        XCTAssertEqual([ann.spent, ann.orders], [3000, 3])
        XCTAssertEqual([ann.name, ann.spentDisplay, ann.currency], ["Ann Archer", "$30.00", "usd"])
    }

    func testContactsMatchByEmailAndSurviveARestart() throws {
        _ = try fixture.call(
            Query.upsertContacts,
            .init(
                businessId: "biz",
                contacts: [
                    .init(contactId: "crm_1", email: " CAT@example.com ", name: "Catherine"),
                    .init(contactId: "crm_2", email: "ann@example.com", name: "Annie"),
                ]),
            grantFor: "biz"
        )
        _ = try fixture.call(Query.removeContacts, .init(businessId: "biz", contactIds: ["crm_2"]), grantFor: "biz")
        try fixture.restart()
        let rows = try list().customers
        let cat = try XCTUnwrap(rows.first { $0.email == "cat@example.com" })
        XCTAssertEqual([cat.contactId, cat.contactName, cat.name], ["crm_1", "Catherine", "Catherine"])
        XCTAssertEqual(rows.first { $0.email == "ann@example.com" }?.contactId, "")
        XCTAssertEqual(try list(filter: "cather").customers.map(\.email), ["cat@example.com"])
    }

    func testSummaryByEmailsAnswersEveryEmailInOrder() throws {
        let asked = ["nobody@example.com", " ANN@example.com", "bob@example.com", "ann@example.com"]
        let rows = try fixture.summaries("biz", asked)
        XCTAssertEqual(rows.map(\.email), asked)
        XCTAssertEqual(rows.map(\.found), [false, true, true, true])
        XCTAssertEqual(rows[1].normalizedEmail, "ann@example.com")
        XCTAssertEqual(rows[1].totals, rows[3].totals)
    }

    func testStripeColumnsArePresentOnlyWithData() throws {
        let answer = try fixture.call(
            Query.stripeColumns, .init(businessId: "biz", emails: ["ann@example.com", "x@example.com"]),
            grantFor: "biz"
        )
        XCTAssertTrue(answer.connected)
        XCTAssertEqual(answer.columns.map(\.present), [true, false])
        XCTAssertEqual([answer.columns[0].spentDisplay, answer.columns[0].ordersDisplay], ["$30.00", "3"])
        let unlinked = try fixture.call(
            Query.stripeColumns, .init(businessId: "other", emails: ["ann@example.com"]), grantFor: "other"
        )
        XCTAssertFalse(unlinked.connected)
        XCTAssertEqual(unlinked.columns.map(\.present), [false])
    }

    func testStripeInfoByEmailListsEachPaymentOnceWithWhatWasBought() throws {
        let info = try fixture.call(
            Query.stripeInfoByEmail, .init(businessId: "biz", email: "cat@example.com"), grantFor: "biz"
        )
        XCTAssertEqual(info.payments.map(\.paymentKey), ["ch_c2", "pi_c1"], "newest first")
        XCTAssertEqual(info.checkoutSessions.map(\.sessionId), ["cs_c1"])
        let item = try XCTUnwrap(info.checkoutSessions.first?.lineItems.first)
        XCTAssertEqual([item.description, item.productId, item.priceId], ["Yoga mat", "prod_mat", "price_mat"])
        XCTAssertEqual(item.quantity, 2)
        XCTAssertEqual(info.summary?.orders, 2)
        let ann = try fixture.call(
            Query.stripeInfoByEmail, .init(businessId: "biz", email: "ann@example.com"), grantFor: "biz"
        )
        XCTAssertEqual(ann.customers.map(\.customerId), ["cus_ann"])
        XCTAssertEqual(ann.payments.count, 3)
    }

    func testRevenueSeriesByDayAndMonth() throws {
        let days = try fixture.call(
            Query.revenueSeries, .init(businessId: "biz", from: 0, to: 86_400 * 20, period: "day"), grantFor: "biz"
        )
        let day: Int64 = 86_400
        XCTAssertEqual(days.points.map(\.periodStart), [day * 10, day * 10, day * 11, day * 12])
        XCTAssertEqual(days.points.map(\.currency), ["eur", "usd", "usd", "eur"])
        let months = try fixture.call(
            Query.revenueSeries, .init(businessId: "biz", from: 0, to: 86_400 * 60, period: "month"), grantFor: "biz"
        )
        // January 1970: ann 2 × 1000 usd, cat 2 × 700 eur; February: ann 1000 + bob 5000 usd.
        XCTAssertEqual(months.points.map(\.periodStart), [0, 0, day * 31])
        XCTAssertEqual(months.points.map(\.net), [1400, 2000, 6000])
        XCTAssertEqual(months.points.map(\.orders), [2, 2, 2])
    }
}
