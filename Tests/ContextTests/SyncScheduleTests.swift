import SyncEngine
import XCTest

final class SyncScheduleTests: XCTestCase {
    let schedule = SyncSchedule(hour: 3, minute: 0, spreadMinutes: 60)
    let day: Int64 = 86_400
    /// 2026-03-11 00:00:00 UTC.
    let midnight: Int64 = 1_773_187_200

    func testSlotsFallInsideTheSpreadWindowAndStayPutAcrossRestarts() {
        for business in ["biz_a", "biz_b", "biz_c", "a-much-longer-business-identifier"] {
            let offset = schedule.offsetSeconds(of: business)
            XCTAssertTrue((0..<3_600).contains(offset), "\(business): \(offset)")
            XCTAssertEqual(offset, SyncSchedule(hour: 3, minute: 0, spreadMinutes: 60).offsetSeconds(of: business))
        }
        let offsets = Set((0..<50).map { schedule.offsetSeconds(of: "biz_\($0)") })
        XCTAssertGreaterThan(offsets.count, 40, "businesses are spread, not all at one second")
    }

    func testLatestSlotIsTodayAfterTheTimeAndYesterdayBefore() {
        let offset = schedule.offsetSeconds(of: "biz_a")
        let todaySlot = midnight + 3 * 3_600 + offset
        XCTAssertEqual(schedule.latestSlot(of: "biz_a", now: todaySlot), todaySlot)
        XCTAssertEqual(schedule.latestSlot(of: "biz_a", now: todaySlot + 10), todaySlot)
        XCTAssertEqual(schedule.latestSlot(of: "biz_a", now: todaySlot - 1), todaySlot - day)
    }

    func testDueOncePerSlotAndNotAgainAfterAFailedRunOfThatSlot() {
        let slot = midnight + 3 * 3_600 + schedule.offsetSeconds(of: "biz_a")
        let now = slot + 60
        XCTAssertTrue(schedule.isDue(businessID: "biz_a", lastSuccess: nil, lastRunStarted: nil, now: now))
        XCTAssertTrue(
            schedule.isDue(businessID: "biz_a", lastSuccess: slot - day, lastRunStarted: slot - day, now: now))
        XCTAssertFalse(schedule.isDue(businessID: "biz_a", lastSuccess: slot + 1, lastRunStarted: slot + 1, now: now))
        XCTAssertFalse(
            schedule.isDue(businessID: "biz_a", lastSuccess: slot - day, lastRunStarted: slot + 5, now: now),
            "a run of this slot that failed waits for the next slot or a manual sync"
        )
        XCTAssertTrue(
            schedule.isDue(businessID: "biz_a", lastSuccess: slot - day, lastRunStarted: slot + 5, now: now + day))
    }

    func testZeroSpreadStartsEveryoneAtTheConfiguredMinute() {
        let exact = SyncSchedule(hour: 23, minute: 59, spreadMinutes: 0)
        XCTAssertEqual(exact.offsetSeconds(of: "anything"), 0)
        XCTAssertEqual(exact.latestSlot(of: "x", now: midnight + day - 1), midnight + day - 60)
    }
}
