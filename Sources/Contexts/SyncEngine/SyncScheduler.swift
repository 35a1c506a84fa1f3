import BridgeLog
import Foundation

/// Checks the schedule at a fixed interval and starts the runs that are due.
///
/// `@unchecked Sendable`: `running` is guarded by `condition`.
public final class SyncScheduler: @unchecked Sendable {
    private let service: SyncService
    private let interval: TimeInterval
    private let logger: Logger
    private let condition = NSCondition()
    private var running = false

    public init(service: SyncService, interval: TimeInterval = 30, logger: Logger) {
        self.service = service
        self.interval = interval
        self.logger = logger
    }

    public func start() {
        condition.withLock { running = true }
        let thread = Thread { [self] in
            while condition.withLock({ running }) {
                do {
                    _ = try service.startDueRuns(all: false)
                } catch {
                    logger.error("scheduled sync check failed", ["error": "\(error)"])
                }
                condition.withLock {
                    if running { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                }
            }
        }
        thread.name = "sync-scheduler"
        thread.start()
    }

    public func stop() {
        condition.withLock {
            running = false
            condition.broadcast()
        }
    }
}
