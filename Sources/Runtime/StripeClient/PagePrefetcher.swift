import Foundation

/// Fetches the pages of a list on its own thread, one page ahead of the consumer, so waiting
/// for Stripe overlaps with storing the previous page. Memory stays bounded by two pages.
///
/// No fetching outlives `run`: when the consumer stops early, `run` waits for the page being
/// fetched (bounded by the client's request timeout) before it returns.
///
/// `@unchecked Sendable`: `slot`, `cancelled` and `producing` are only touched under `condition`.
final class PagePrefetcher: @unchecked Sendable {
    private var walk: ListWalk
    private let condition = NSCondition()
    /// The fetched page not yet handed over: a page, nil at the end, or the error that stopped the walk.
    private var slot: Result<StripeListPage?, any Error>?
    private var cancelled = false
    private var producing = true

    init(walk: ListWalk) {
        self.walk = walk
    }

    func run(_ onPage: (StripeListPage) throws -> Void) throws {
        let thread = Thread { [self] in produce() }
        thread.name = "stripe-list-prefetch"
        thread.start()
        defer {
            condition.withLock {
                cancelled = true
                condition.broadcast()
                while producing { condition.wait() }
            }
        }
        while true {
            let next: Result<StripeListPage?, any Error> = condition.withLock {
                while slot == nil { condition.wait() }
                defer { slot = nil; condition.broadcast() }
                return slot!
            }
            guard let page = try next.get() else { return }
            try onPage(page)
        }
    }

    private func produce() {
        defer {
            condition.withLock {
                producing = false
                condition.broadcast()
            }
        }
        while true {
            let result = Result { try walk.next() }
            let keepGoing: Bool = condition.withLock {
                while slot != nil && !cancelled { condition.wait() }
                guard !cancelled else { return false }
                slot = result
                condition.broadcast()
                if case .success(.some) = result { return true }
                return false
            }
            if !keepGoing { return }
        }
    }
}
