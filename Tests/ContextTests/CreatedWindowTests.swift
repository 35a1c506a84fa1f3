import XCTest

@testable import SyncEngine

final class CreatedWindowTests: XCTestCase {
    func testBackfillWindowsCoverEverySecondUpToTheStartExactlyOnce() {
        let start: Int64 = 1_800_000_000
        let windows = CreatedWindow.backfill(startedAt: start)
        XCTAssertEqual(windows.first?.upper, start + 1, "the newest window includes the start second")
        XCTAssertNil(windows.last?.lower, "the oldest window reaches back to the beginning")
        for (newer, older) in zip(windows, windows.dropFirst()) {
            XCTAssertEqual(newer.lower, older.upper, "windows meet without a gap or an overlap")
        }
        for created: Int64 in [0, 1, start - 731 * 86_400, start - 200 * 86_400, start - 31 * 86_400, start] {
            let holding = windows.filter { ($0.lower ?? .min) <= created && created < ($0.upper ?? .max) }
            XCTAssertEqual(holding.count, 1, "created \(created)")
        }
        XCTAssertEqual(
            windows[0].query.map(\.0), ["created[gte]", "created[lt]"])
        XCTAssertEqual(CreatedWindow.since(5).query.map(\.0), ["created[gte]"])
    }
}
