import BridgeLog
import Foundation
import HTTPServe
import StripeClient

/// A loopback HTTP server scripted by a test: answers with `respond(request, n)` where n counts
/// requests from 0, and records every request it saw.
// @unchecked Sendable: `recorded` is only touched while holding `lock`; `server` is set once
// in init before any request can arrive and only read afterwards.
final class StripeClientTestServer: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private var server: HTTPServer?

    init(_ respond: @escaping @Sendable (HTTPRequest, Int) -> HTTPResponse) throws {
        server = try HTTPServer(port: 0, threads: 2) { [unowned self] request in
            let number = self.lock.withLock {
                self.recorded.append(request)
                return self.recorded.count - 1
            }
            return respond(request, number)
        }
    }

    deinit {
        server?.stop()
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    var baseURL: String { "http://127.0.0.1:\(server?.port ?? 0)" }

    func stop() {
        server?.stop()
    }

    /// A client for this server with tiny backoffs so retry tests stay fast.
    func client(
        maxRetries: Int = 2, logger: Logger = Logger(label: "stripe-tests", level: .critical),
        configure: (inout StripeClientSettings) -> Void = { _ in }
    ) -> StripeClient {
        var settings = StripeClientSettings(
            apiBase: baseURL, connectBase: baseURL, apiVersion: "2026-07-29.dahlia",
            secretKey: "sk_test_infra_secret_4242"
        )
        settings.maxRetries = maxRetries
        settings.backoffBaseSeconds = 0.001
        settings.backoffCapSeconds = 0.005
        settings.requestsPerSecond = 1_000
        settings.accountRequestsPerSecond = 1_000
        settings.requestTimeoutSeconds = 5
        configure(&settings)
        return StripeClient(settings: settings, logger: logger)
    }
}
