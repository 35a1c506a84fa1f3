/// The daily schedule: each business has its own slot each day, at the configured time plus an
/// offset inside the spread window, so businesses do not all start at once.
///
/// A business is due when its latest slot has passed, it has not succeeded since, and no run of
/// it started since that slot (a run that failed waits for the next slot or a manual sync).
public struct SyncSchedule: Sendable {
    public let minuteOfDay: Int
    public let spreadMinutes: Int

    public init(hour: Int, minute: Int, spreadMinutes: Int) {
        minuteOfDay = hour * 60 + minute
        self.spreadMinutes = max(0, spreadMinutes)
    }

    /// A stable offset inside the spread window (FNV-1a of the business id, so it survives restarts).
    public func offsetSeconds(of businessID: String) -> Int64 {
        guard spreadMinutes > 0 else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in businessID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(hash % UInt64(spreadMinutes * 60))
    }

    /// The business's latest slot at or before `now` (Unix seconds, UTC).
    public func latestSlot(of businessID: String, now: Int64) -> Int64 {
        let day: Int64 = 86_400
        let today = now - ((now % day) + day) % day
        let slot = today + Int64(minuteOfDay) * 60 + offsetSeconds(of: businessID)
        return slot <= now ? slot : slot - day
    }

    public func isDue(businessID: String, lastSuccess: Int64?, lastRunStarted: Int64?, now: Int64) -> Bool {
        let slot = latestSlot(of: businessID, now: now)
        if let lastSuccess, lastSuccess >= slot { return false }
        if let lastRunStarted, lastRunStarted >= slot { return false }
        return true
    }
}
