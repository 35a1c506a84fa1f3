/// A slice of the `created` axis a list is walked in: `created[gte]` lower (when set) and
/// `created[lt]` upper (when set).
///
/// A first sync lists every type in several windows at once, so a large backfill is fetched by
/// several walks in parallel (each paging newest first) instead of one long walk; the rate
/// limiter still bounds the total. Windows are fixed by the run's start time, so a resumed run
/// finds the same windows and their cursors.
struct CreatedWindow: Sendable, Equatable {
    var lower: Int64?
    var upper: Int64?

    var query: [(String, String)] {
        (lower.map { [("created[gte]", String($0))] } ?? []) + (upper.map { [("created[lt]", String($0))] } ?? [])
    }

    private static let day: Int64 = 86_400

    /// The windows of a first sync started at `start`: the last 30 days, 30 to 180 days,
    /// 180 days to two years, and everything older. Objects created after `start` are the next
    /// incremental run's.
    static func backfill(startedAt start: Int64) -> [CreatedWindow] {
        let edges = [start + 1, start - 30 * day, start - 180 * day, start - 730 * day]
        return [
            CreatedWindow(lower: edges[1], upper: edges[0]),
            CreatedWindow(lower: edges[2], upper: edges[1]),
            CreatedWindow(lower: edges[3], upper: edges[2]),
            CreatedWindow(lower: nil, upper: edges[3]),
        ]
    }

    /// An incremental run's single window: everything created since `since`.
    static func since(_ since: Int64) -> CreatedWindow {
        CreatedWindow(lower: since, upper: nil)
    }
}
