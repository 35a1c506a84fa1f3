import BridgeLog
import Foundation
import StripeEmulatorKit

/// `stripe-emulator --dataset FILE [--port N] [--secret-key sk_test_…] [--client-id ca_…]`
enum EmulatorCommand {
    static let usage = """
        usage: stripe-emulator --dataset FILE [--port N] [--secret-key sk_test_…] [--client-id ca_…]
          key and client id default to $STRIPE_SECRET_KEY and $STRIPE_CONNECT_CLIENT_ID
        """

    static func run(arguments: [String]) -> Int32 {
        let logger = Logger(label: "stripe-emulator")
        var options: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard ["--dataset", "--port", "--secret-key", "--client-id"].contains(name),
                index + 1 < arguments.count
            else {
                return fail("unknown or incomplete option \(name)\n\(usage)")
            }
            options[name] = arguments[index + 1]
            index += 2
        }
        let environment = ProcessInfo.processInfo.environment
        guard let path = options["--dataset"] else { return fail("--dataset is required\n\(usage)") }
        guard let key = options["--secret-key"] ?? environment["STRIPE_SECRET_KEY"], !key.isEmpty else {
            return fail("no secret key: pass --secret-key or set STRIPE_SECRET_KEY")
        }
        guard let clientID = options["--client-id"] ?? environment["STRIPE_CONNECT_CLIENT_ID"],
            !clientID.isEmpty
        else {
            return fail("no Connect client id: pass --client-id or set STRIPE_CONNECT_CLIENT_ID")
        }
        guard let port = UInt16(options["--port"] ?? "0") else {
            return fail("--port must be a number from 0 to 65535")
        }
        // Block the stop signals before any server thread starts, so only sigwait sees them.
        // A parent may have left them ignored, and an ignored signal never reaches sigwait.
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        let emulator: StripeEmulator
        do {
            let dataset = try EmulatorDataset.load(path: path)
            emulator = try StripeEmulator(
                dataset: dataset, secretKey: key, connectClientID: clientID, port: port)
        } catch {
            return fail(String(describing: error))
        }
        print("stripe-emulator listening on \(emulator.baseURL)")
        fflush(nil)  // flushes every output stream, stdout included
        logger.info("serving", ["http.port": String(emulator.port)])
        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        logger.info("stopping", ["signal": String(received)])
        emulator.stop()
        return 0
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data(("stripe-emulator: " + message + "\n").utf8))
        return 2
    }
}
