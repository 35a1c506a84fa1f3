import AccessControl
import BridgeConfig
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import Outbox
import StripeClient

/// ConnectAuth's calls: connect URLs, the OAuth callback, status, disconnect, the Connect
/// webhook, and the lookups SyncEngine makes.
///
/// ConnectURL, Status and Disconnect act for a business and need the caller's grant for it;
/// CompleteCallback trusts only its signed state, and the webhook only Stripe's signature.
public final class ConnectService: Sendable {
    let store: ConnectStore
    let stripe: StripeClient
    /// Reads account names on Status: few retries and a short timeout, so Status stays quick.
    let accountReader: StripeClient
    let settings: ConnectSettings
    let connectBase: String
    let clientID: String
    let stateKey: [UInt8]
    let access: AccessGuard
    let webhookSecrets: [String]
    let syncClient: RPCClient?
    let relay: OutboxRelay?
    let logger: Logger
    let clock: @Sendable () -> Int64

    public init(
        database: Database, stripe: StripeClient, accountReader: StripeClient? = nil,
        settings: ConnectSettings,
        connectBase: String, clientID: String, stateKey: String, access: AccessGuard,
        webhookSecrets: [String],
        syncClient: RPCClient?, relay: OutboxRelay?, logger: Logger,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) throws {
        self.store = try ConnectStore(database: database)
        self.stripe = stripe
        self.accountReader = accountReader ?? stripe
        self.settings = settings
        self.connectBase = connectBase.hasSuffix("/") ? String(connectBase.dropLast()) : connectBase
        self.clientID = clientID
        self.stateKey = Array(stateKey.utf8)
        self.access = access
        self.webhookSecrets = webhookSecrets
        self.syncClient = syncClient
        self.relay = relay
        self.logger = logger
        self.clock = clock
    }

    public static func outbox(of database: Database) throws -> OutboxStore {
        try ConnectStore(database: database).outbox
    }

    func requireBusiness(_ businessID: String) throws {
        guard !businessID.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        guard businessID.utf8.count <= 128 else {
            throw RPCError.invalidArgument("business_id is over 128 bytes")
        }
    }

    public func register(on server: RPCServer) {
        server.register(ConnectV1.ConnectAuth.connectURL) { request, context in
            try self.connectURL(request, context: context)
        }
        server.register(ConnectV1.ConnectAuth.completeCallback) { request, _ in
            self.completeCallback(request)
        }
        server.register(ConnectV1.ConnectAuth.status) { request, context in
            try self.status(request, context: context)
        }
        server.register(ConnectV1.ConnectAuth.disconnect) { request, context in
            try self.disconnect(request, context: context)
        }
        server.register(ConnectV1.ConnectAuth.accountForBusiness) { request, _ in
            try self.accountForBusiness(request)
        }
        server.register(ConnectV1.ConnectAuth.markNeedsReconnect) { request, _ in
            try self.markNeedsReconnect(request)
        }
        server.register(ConnectV1.ConnectAuth.handleConnectWebhook) { request, _ in
            try self.handleConnectWebhook(request)
        }
    }
}
