/// The `sync:` section: when and how widely the daily sync runs.
public struct SyncSettings: Sendable, Equatable {
    /// UTC time the daily sync starts.
    public var dailyAt: TimeOfDay
    /// Accounts' start times are spread over this many minutes after `dailyAt`; 0 starts all at once.
    public var spreadMinutes: Int
    /// How far back each incremental sync re-reads, to catch late status changes.
    public var overlapSeconds: Int
    /// Accounts synced at the same time.
    public var maxConcurrent: Int

    public init(
        dailyAt: TimeOfDay, spreadMinutes: Int = 60, overlapSeconds: Int = 3600, maxConcurrent: Int = 4
    ) {
        self.dailyAt = dailyAt
        self.spreadMinutes = spreadMinutes
        self.overlapSeconds = overlapSeconds
        self.maxConcurrent = maxConcurrent
    }

    init(_ reader: ConfigReader) throws {
        let dailyKey = reader.child("daily_at")
        let text = try dailyKey.string()
        guard let time = TimeOfDay(text) else { throw dailyKey.invalid("a UTC time as HH:MM", got: text) }
        dailyAt = time
        spreadMinutes = try reader.child("spread_minutes").nonNegativeInt()
        overlapSeconds = try reader.child("overlap_seconds").nonNegativeInt()
        maxConcurrent = try reader.child("max_concurrent").positiveInt()
    }
}
