import Foundation

/// The dotted keys a configuration reader looked at, so that a key nobody reads (usually a
/// misspelling) can be reported instead of silently ignored.
///
/// `@unchecked Sendable`: `keys` is only touched under `lock`.
final class KeysRead: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: Set<String> = []

    func record(_ key: String) {
        lock.withLock { _ = keys.insert(key) }
    }

    func contains(_ key: String) -> Bool {
        lock.withLock { keys.contains(key) }
    }
}
