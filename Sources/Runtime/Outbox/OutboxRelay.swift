import BridgeLog
import BridgeRPC
import Foundation

/// Delivers a service's outbox to the contexts it feeds, oldest first, one at a time.
///
/// A message leaves the outbox only once its receiver acknowledged it, so a receiver that is
/// down just delays delivery; receivers apply messages idempotently, so a message delivered
/// twice (acknowledged, then the sender crashed before deleting it) is counted once.
///
/// `@unchecked Sendable`: mutable state (`running`, the wake-up flag) is guarded by `lock`.
public final class OutboxRelay: @unchecked Sendable {
    private let store: OutboxStore
    private let clients: [String: RPCClient]
    private let logger: Logger
    private let lock = NSCondition()
    private var running = false
    private var wakeRequested = false
    private var thread: Thread?
    private let idleWait: TimeInterval
    private let retryWait: TimeInterval

    /// `clients` maps a method-name prefix ("/stripebridge.revenue.v1.") to the client that serves it.
    public init(
        store: OutboxStore, clients: [String: RPCClient], logger: Logger,
        idleWait: TimeInterval = 1, retryWait: TimeInterval = 0.5
    ) {
        self.store = store
        self.clients = clients
        self.logger = logger
        self.idleWait = idleWait
        self.retryWait = retryWait
    }

    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !running else { return }
        running = true
        let thread = Thread { [self] in loop() }
        thread.name = "outbox-relay"
        self.thread = thread
        thread.start()
    }

    /// Stops after the delivery in progress, if any.
    public func stop() {
        lock.lock()
        running = false
        lock.broadcast()
        lock.unlock()
    }

    /// Asks for a delivery pass now instead of at the next idle tick.
    public func wake() {
        lock.lock()
        wakeRequested = true
        lock.broadcast()
        lock.unlock()
    }

    private func isRunning() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func pause(_ seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        if !wakeRequested && running {
            _ = lock.wait(until: Date().addingTimeInterval(seconds))
        }
        wakeRequested = false
    }

    private func loop() {
        while isRunning() {
            let delivered = deliverBatch()
            if delivered == nil {
                pause(retryWait)
            } else if delivered == 0 {
                pause(idleWait)
            }
        }
    }

    /// Delivers what is pending; the count delivered, or nil when a delivery failed.
    func deliverBatch() -> Int? {
        let pending: [OutboxMessage]
        do {
            pending = try store.pending(limit: 64)
        } catch {
            logger.error("outbox read failed", ["error": "\(error)"])
            return nil
        }
        var delivered = 0
        for message in pending {
            guard isRunning() else { return delivered }
            guard let client = client(for: message.method) else {
                logger.error("outbox message has no receiver", ["rpc.method": message.method])
                return nil
            }
            do {
                _ = try client.call(message.method, message.payload, timeout: .seconds(30))
                try store.markDelivered(message.sequence)
                delivered += 1
            } catch let error as RPCError where Self.refusedForGood(error.code) {
                logger.error(
                    "outbox message refused by its receiver; set aside in outbox_rejected",
                    ["rpc.method": message.method, "outbox.sequence": "\(message.sequence)", "error": "\(error)"]
                )
                do {
                    try store.markRejected(
                        message.sequence, error: "\(error)", now: Int64(Date().timeIntervalSince1970)
                    )
                } catch {
                    return nil
                }
                continue
            } catch {
                logger.warning(
                    "outbox delivery failed; will retry",
                    ["rpc.method": message.method, "outbox.sequence": "\(message.sequence)", "error": "\(error)"]
                )
                try? store.markFailed(message.sequence, error: "\(error)")
                return nil
            }
        }
        return delivered
    }

    /// Answers that no retry can change: the receiver read the message and refuses it.
    /// Everything else (unavailable, deadline, internal) is retried until delivered.
    static func refusedForGood(_ code: StatusCode) -> Bool {
        [.invalidArgument, .unimplemented, .permissionDenied, .unauthenticated, .outOfRange].contains(code)
    }

    private func client(for method: String) -> RPCClient? {
        clients.first { method.hasPrefix($0.key) }?.value
    }
}
