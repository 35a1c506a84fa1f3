import BridgeLog
import Dispatch
import Foundation

/// Runs one service's server until SIGTERM or SIGINT, then shuts it down in order.
public enum ServiceRunner {
    /// Starts `server`, serves until SIGTERM/SIGINT, stops the server (draining calls in
    /// flight), runs `onStop` (e.g. close the database), and exits the process with status 0.
    /// - Throws: when the server cannot start; nothing has been left running then.
    public static func run(
        server: RPCServer, logger: Logger, onStop: @Sendable () -> Void = {}
    ) throws -> Never {
        try serve(server: server, logger: logger, onStop: onStop)
        exit(0)
    }

    /// Like `run` but returns after the shutdown instead of exiting; the signal number is returned.
    @discardableResult
    public static func serve(
        server: RPCServer, logger: Logger, onStop: @Sendable () -> Void = {}
    ) throws -> Int32 {
        let received = Locked<Int32?>(nil)
        let queue = DispatchQueue(label: "service-runner.signals")
        // The default actions would kill the process before the sources see the signals.
        let sources = [SIGTERM, SIGINT].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { received.update { if $0 == nil { $0 = signalNumber } } }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        try server.start()
        logger.info("service started", ["service": server.serviceName, "rpc.socket": server.socketPath])
        let signalNumber = received.wait(until: { $0 != nil }) { $0 } ?? nil
        let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
        logger.info("service stopping", ["service": server.serviceName, "signal": name])
        server.stop()
        onStop()
        logger.info("service stopped", ["service": server.serviceName])
        return signalNumber ?? SIGTERM
    }
}
