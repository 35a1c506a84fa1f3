import HTTPServe

/// A Stripe stand-in on 127.0.0.1 serving an `EmulatorDataset`: the API's list and retrieve
/// endpoints per connected account, Connect OAuth, and `/_emulator` knobs for tests.
///
/// It does not create, update or delete through `/v1` (only `/_emulator/objects` changes data),
/// does not expand, search or paginate `/v2`; it signs billing events on request
/// (`POST /_emulator/billing/subscriptions` with a lifecycle) but sends no other webhooks.
public final class StripeEmulator: Sendable {
    /// The API version the emulator's objects are shaped for.
    public static let apiVersion = "2026-07-29.dahlia"

    private let server: HTTPServer

    public var port: UInt16 { server.port }
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(
        dataset: EmulatorDataset,
        secretKey: String,
        connectClientID: String,
        port: UInt16 = 0
    ) throws {
        let core = EmulatorCore(dataset: dataset, secretKey: secretKey, connectClientID: connectClientID)
        server = try HTTPServer(port: port, threads: 8) { request in core.handle(request) }
    }

    public func stop() {
        server.stop()
    }
}
