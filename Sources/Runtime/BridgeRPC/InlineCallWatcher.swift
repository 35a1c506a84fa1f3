import Foundation

/// Keeps an inline call from blocking its connection: every tick it looks at the connections
/// whose reading thread is running a handler, and when the same call is still running a tick
/// later while another request waits on the socket, it hands reading to a new thread.
///
/// It ticks only while inline calls happen, and sleeps after a tenth of a second without any.
final class InlineCallWatcher: Sendable {
    private struct State {
        var sleeping = true
        var stopped = false
    }

    static let tick: Duration = .milliseconds(1)
    private static let idleTicksBeforeSleeping = 100

    private let state = Locked(State())
    private let threadName: String
    private let connections: @Sendable () -> [ServerConnection]

    init(threadName: String, connections: @escaping @Sendable () -> [ServerConnection]) {
        self.threadName = threadName
        self.connections = connections
    }

    func start() {
        let thread = Thread { [self] in watch() }
        thread.name = threadName + "-watch"
        thread.start()
    }

    /// Called after a connection starts an inline call; wakes the watcher if it sleeps.
    func inlineCallStarted() {
        guard state.withLock({ $0.sleeping }) else { return }
        state.update { $0.sleeping = false }
    }

    func stop() {
        state.update { $0.stopped = true }
    }

    private func watch() {
        var lastSeen: [ObjectIdentifier: UInt64] = [:]
        var idleTicks = 0
        while waitForNextTick() {
            lastSeen = scan(lastSeen)
            idleTicks = lastSeen.isEmpty ? idleTicks + 1 : 0
            guard idleTicks >= Self.idleTicksBeforeSleeping else { continue }
            state.withLock { $0.sleeping = true }
            // An inline call that started before `sleeping` was set did not wake us: look again.
            lastSeen = scan([:])
            if !lastSeen.isEmpty { state.withLock { $0.sleeping = false } }
            idleTicks = 0
        }
    }

    /// Sleeps one tick, or until woken while `sleeping`. - Returns: false once stopped.
    private func waitForNextTick() -> Bool {
        if state.withLock({ $0.sleeping }) {
            return state.wait(until: { !$0.sleeping || $0.stopped }) { !$0.stopped } ?? false
        }
        let tickEnd = Date().addingTimeInterval(Self.tick.seconds)
        // Nil means the tick passed without a stop.
        return state.wait(until: { $0.stopped }, deadline: tickEnd) { _ in false } ?? true
    }

    /// Takes over connections whose inline call was already running at the last scan.
    /// - Returns: the inline calls running now, by connection.
    private func scan(_ lastSeen: [ObjectIdentifier: UInt64]) -> [ObjectIdentifier: UInt64] {
        var running: [ObjectIdentifier: UInt64] = [:]
        for connection in connections() {
            guard let serial = connection.parkedInlineSerial else { continue }
            let key = ObjectIdentifier(connection)
            if lastSeen[key] == serial,
                connection.takeOverReading(ifStillParkedAt: serial, threadName: threadName + "-conn")
            {
                continue
            }
            running[key] = serial
        }
        return running
    }
}
