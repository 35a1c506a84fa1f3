import Foundation

/// A counter shared by the benchmark's client threads.
///
/// `@unchecked Sendable`: `count` is only read and written under `lock`.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
