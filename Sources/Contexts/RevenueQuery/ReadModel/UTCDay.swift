/// UTC days of Unix seconds, rounded without overflowing at either end of Int64.
enum UTCDay {
    static let seconds: Int64 = 86_400

    /// The start of the day holding `time` (`Int64.min` for the part day below the first).
    static func start(of time: Int64) -> Int64 {
        let (start, overflow) = time.subtractingReportingOverflow(((time % seconds) + seconds) % seconds)
        return overflow ? .min : start
    }

    /// `time` when it is a day's start, else the next day's start (`Int64.max` past the last).
    static func startOnOrAfter(_ time: Int64) -> Int64 {
        let (start, overflow) = time.addingReportingOverflow(
            (seconds - ((time % seconds) + seconds) % seconds) % seconds)
        return overflow ? .max : start
    }
}
