import Foundation
import StripeClient

/// The results of walks running on their own threads, one slot per walk.
///
/// `@unchecked Sendable`: `slots` is only touched under `lock`.
final class WalkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Int, StripeError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Int, StripeError>) {
        lock.withLock { slots[index] = result }
    }

    /// Every slot's result; a walk that never reported counts as a failure.
    var all: [Result<Int, StripeError>] {
        lock.withLock {
            slots.map {
                $0 ?? .failure(StripeError(kind: .decoding, status: 0, message: "a walk did not finish", path: ""))
            }
        }
    }
}
