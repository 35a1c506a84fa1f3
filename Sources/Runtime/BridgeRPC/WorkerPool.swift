import Foundation

/// A fixed set of threads running submitted jobs in order of arrival.
///
/// Threads are made once, at `start`, never per job. The queue itself is unbounded; callers
/// bound it (the server caps connections and calls in flight per connection).
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    private struct Queue {
        var jobs: [Job?] = []
        var head = 0
        var stopping = false
        var running = 0

        var isEmpty: Bool { head == jobs.count }

        mutating func pop() -> Job {
            let job = jobs[head]!
            jobs[head] = nil
            head += 1
            if head == jobs.count || head > 1_024 && head * 2 > jobs.count {
                jobs.removeSubrange(0..<head)
                head = 0
            }
            return job
        }
    }

    private let name: String
    private let threadCount: Int
    private let queue = Locked(Queue())

    init(name: String, threads: Int) {
        self.name = name
        self.threadCount = max(1, threads)
    }

    func start() {
        queue.withLock { $0.running = threadCount }
        for index in 0..<threadCount {
            let thread = Thread { [queue] in Self.work(queue) }
            thread.name = "\(name)-worker-\(index)"
            thread.start()
        }
    }

    func submit(_ job: @escaping Job) {
        queue.update(wakeAll: false) { $0.jobs.append(job) }
    }

    /// Lets queued jobs finish, then ends the threads; waits for them up to `timeout`.
    func stop(timeout: Duration) {
        queue.update { $0.stopping = true }
        let deadline = Date().addingTimeInterval(timeout.seconds)
        _ = queue.wait(until: { $0.running == 0 }, deadline: deadline) { _ in () }
    }

    private static func work(_ queue: Locked<Queue>) {
        while true {
            let next: Job? =
                queue.wait(until: { !$0.isEmpty || $0.stopping }) { state in
                    if state.isEmpty { return nil }
                    return state.pop()
                } ?? nil
            guard let job = next else { break }
            job()
        }
        queue.update { $0.running -= 1 }
    }
}

extension Duration {
    /// This duration in seconds, as Foundation's time intervals count them.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
