import Foundation

/// A value guarded by a lock, with a condition for threads that wait for it to change.
// @unchecked Sendable: `value` is only read or written inside `withLock`/`wait`, which hold
// `condition`'s mutex, so no two threads ever touch it at once.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let condition = NSCondition()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer { condition.unlock() }
        return try body(&value)
    }

    /// Runs `body` under the lock, then wakes every waiter (or just one with `wakeAll: false`).
    func update<Result>(wakeAll: Bool = true, _ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            if wakeAll { condition.broadcast() } else { condition.signal() }
            condition.unlock()
        }
        return try body(&value)
    }

    /// Waits until `ready` holds or `deadline` passes, then runs `body` under the lock.
    /// - Returns: nil when the deadline passed first.
    func wait<Result>(
        until ready: (Value) -> Bool, deadline: Date? = nil, _ body: (inout Value) -> Result
    ) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while !ready(value) {
            if let deadline {
                if !condition.wait(until: deadline), !ready(value) { return nil }
            } else {
                condition.wait()
            }
        }
        return body(&value)
    }
}
