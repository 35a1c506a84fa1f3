import Foundation

/// Lends curl handles to threads, keeping a few idle ones for connection reuse.
// Safe to share: `idle` is only touched while holding `lock`, and a handle is used by
// one thread at a time because it leaves the pool while lent out.
final class CurlHandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [CurlHandle] = []
    private let maxIdle: Int

    init(maxIdle: Int = 4) {
        self.maxIdle = maxIdle
    }

    func withHandle<T>(_ body: (CurlHandle) throws -> T) rethrows -> T {
        let handle = lock.withLock { idle.popLast() } ?? CurlHandle()
        defer {
            lock.withLock {
                if idle.count < maxIdle { idle.append(handle) }
            }
        }
        return try body(handle)
    }
}
