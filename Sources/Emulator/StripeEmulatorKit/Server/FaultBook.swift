import Foundation

/// The active fault rules; the first matching rule with hits left applies to a request.
// @unchecked Sendable: `rules` is read and written only inside `lock`.
final class FaultBook: @unchecked Sendable {
    private let lock = NSLock()
    private var rules: [FaultRule] = []

    func add(_ rule: FaultRule) {
        lock.withLock { rules.append(rule) }
    }

    func clear() {
        lock.withLock { rules.removeAll() }
    }

    /// Consumes one hit of the first rule matching the request and returns it.
    func take(method: String, path: String, account: String?) -> FaultRule? {
        lock.withLock {
            guard let index = rules.firstIndex(where: { $0.matches(method: method, path: path, account: account) })
            else {
                return nil
            }
            if rules[index].remaining > 0 { rules[index].remaining -= 1 }
            return rules[index]
        }
    }
}
