import BridgeRPC
import Contracts
import XCTest

@testable import PlatformBilling

/// Seats within the subscription's quantity; credits with idempotency keys and an
/// append-only ledger that never goes negative.
final class BillingSeatsAndCreditsTests: XCTestCase {
    private func activeTenant(seats: Int64) throws -> BillingHarness {
        let harness = try BillingHarness()
        try harness.deliver(
            BillingEvents.event(
                "evt_s", "customer.subscription.updated", created: 1_700_000_000,
                object: BillingEvents.subscription(
                    "sub_s", tenant: "TS", status: "active", price: "price_pro",
                    quantity: seats)))
        return harness
    }

    func testSeatsAreRefusedBeyondTheLimit() throws {
        let harness = try activeTenant(seats: 2)
        let seat = { (holder: String, reserve: Bool) in
            try harness.service.seat(.init(tenantId: "TS", holderId: holder), reserve: reserve)
        }
        XCTAssertEqual(try seat("u1", true).seatsUsed, 1)
        XCTAssertEqual(try seat("u1", true).seatsUsed, 1, "the same holder keeps one seat")
        XCTAssertEqual(try seat("u2", true).seatsUsed, 2)
        XCTAssertThrowsError(try harness.service.guarded { try seat("u3", true) }) { error in
            let rpc = error as? RPCError
            XCTAssertEqual(rpc?.code, .resourceExhausted)
            XCTAssertTrue(rpc?.message.contains("2 of its 2 seats") == true, rpc?.message ?? "")
        }
        XCTAssertEqual(try seat("u1", false).seatsUsed, 1)
        XCTAssertEqual(try seat("u3", true).seatsUsed, 2)
    }

    func testCreditsAreIdempotentNeverNegativeAndAppendOnly() throws {
        let harness = try activeTenant(seats: 1)
        let credits = { (amount: Int64, key: String, sign: Int64) in
            try harness.service.guarded {
                try harness.service.credits(
                    .init(tenantId: "TS", amount: amount, reason: "test", idempotencyKey: key), sign: sign)
            }
        }
        XCTAssertEqual(try credits(30, "g1", 1).balance, 30)
        let replay = try credits(30, "g1", 1)
        XCTAssertEqual(replay.balance, 30)
        XCTAssertTrue(replay.duplicate)
        XCTAssertThrowsError(try credits(31, "g1", 1)) {
            XCTAssertEqual(($0 as? RPCError)?.code, .invalidArgument)
        }
        XCTAssertEqual(try credits(20, "c1", -1).balance, 10)
        XCTAssertThrowsError(try credits(11, "c2", -1)) { error in
            XCTAssertEqual((error as? RPCError)?.code, .failedPrecondition)
        }
        XCTAssertThrowsError(try credits(.max, "huge", 1)) { error in
            XCTAssertEqual((error as? RPCError)?.code, .outOfRange, "a balance past Int64 is refused, not a crash")
        }
        XCTAssertEqual(try harness.billing("TS").creditBalance, 10)
        let ledger = try harness.service.store.ledger("TS")
        XCTAssertEqual(ledger.map(\.delta), [30, -20])
        XCTAssertEqual(ledger.map(\.source), ["key:g1", "key:c1"])
        XCTAssertThrowsError(try harness.database.execute("UPDATE credit_ledger SET delta = 0"))
        XCTAssertThrowsError(try harness.database.execute("DELETE FROM credit_ledger"))
        XCTAssertThrowsError(try harness.database.execute("UPDATE tenants SET credit_balance = -1"))
    }
}
