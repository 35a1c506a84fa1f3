import BridgeConfig
import BridgeCrypto
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import Outbox
import StripeClient

/// ConnectAuth's calls: connect URLs, the OAuth callback, status and disconnect.
public final class ConnectService: Sendable {
    private let store: ConnectStore
    private let stripe: StripeClient
    private let settings: ConnectSettings
    private let connectBase: String
    private let clientID: String
    private let stateKey: [UInt8]
    private let syncClient: RPCClient?
    private let relay: OutboxRelay?
    private let logger: Logger
    private let clock: @Sendable () -> Int64

    public init(
        database: Database, stripe: StripeClient, settings: ConnectSettings, connectBase: String,
        clientID: String, stateKey: String, syncClient: RPCClient?, relay: OutboxRelay?, logger: Logger,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) throws {
        self.store = try ConnectStore(database: database)
        self.stripe = stripe
        self.settings = settings
        self.connectBase = connectBase.hasSuffix("/") ? String(connectBase.dropLast()) : connectBase
        self.clientID = clientID
        self.stateKey = Array(stateKey.utf8)
        self.syncClient = syncClient
        self.relay = relay
        self.logger = logger
        self.clock = clock
    }

    public static func outbox(of database: Database) throws -> OutboxStore {
        try ConnectStore(database: database).outbox
    }

    // MARK: - ConnectURL

    public func connectURL(_ request: ConnectV1.ConnectURLRequest) throws -> ConnectV1.ConnectURLResponse {
        try requireBusiness(request.businessId)
        let state = OAuthState(
            businessID: request.businessId, flow: request.flow,
            nonce: SecureRandom.token(bytes: 18), expiresAt: clock() + Int64(settings.stateTTLSeconds)
        )
        let token = state.signed(key: stateKey)
        let query = [
            ("response_type", "code"), ("client_id", clientID), ("scope", "read_write"),
            ("redirect_uri", settings.redirectURI), ("state", token),
        ]
        let url = connectBase + "/oauth/authorize?" + URLQuery.encode(query)
        return .init(url: url, state: token, expiresAt: state.expiresAt)
    }

    // MARK: - CompleteCallback

    public func completeCallback(_ request: ConnectV1.CompleteCallbackRequest) -> ConnectV1.CompleteCallbackResponse {
        let guessedFlow: ConnectV1.Flow = request.state.hasPrefix(OAuthState.clientPrefix) ? .clientPortal : .agency
        let state: OAuthState
        do {
            state = try OAuthState.verify(request.state, key: stateKey, now: clock())
        } catch {
            return refuse(reasonCode(error), flow: guessedFlow, business: "")
        }
        do {
            guard try store.spendNonce(state.nonce, expiresAt: state.expiresAt, now: clock()) else {
                return refuse(.replayedState, flow: state.flow, business: state.businessID)
            }
        } catch {
            logger.error("could not record an OAuth nonce", ["error": "\(error)"])
            return refuse(.storageFailed, flow: state.flow, business: state.businessID)
        }
        if !request.error.isEmpty {
            let reason: CallbackReason = request.error == "access_denied" ? .accessDenied : .stripeError
            return refuse(reason, flow: state.flow, business: state.businessID)
        }
        guard !request.code.isEmpty else { return refuse(.missingCode, flow: state.flow, business: state.businessID) }
        return link(code: request.code, state: state)
    }

    private func reasonCode(_ rejection: OAuthState.Rejection) -> CallbackReason {
        switch rejection {
        case .malformed: .invalidState
        case .badSignature: .forgedState
        case .expired: .expiredState
        }
    }

    private func link(code: String, state: OAuthState) -> ConnectV1.CompleteCallbackResponse {
        let token: OAuthToken
        do {
            token = try stripe.exchangeOAuthCode(code)
        } catch let error as StripeError where error.kind == .oauth && error.code == "invalid_grant" {
            return refuse(.invalidGrant, flow: state.flow, business: state.businessID)
        } catch {
            logger.warning("OAuth token exchange failed", ["business.id": state.businessID, "error": "\(error)"])
            return refuse(.tokenExchangeFailed, flow: state.flow, business: state.businessID)
        }
        let account = token.stripeUserID
        let name = accountName(account)
        do {
            if !settings.allowSharedAccounts,
                !(try store.otherBusinesses(linkedTo: account, except: state.businessID)).isEmpty
            {
                return refuse(.accountInUse, flow: state.flow, business: state.businessID)
            }
            try store.saveLink(
                .init(businessID: state.businessID, stripeAccountID: account, accountName: name,
                      dateCreated: clock(), linkState: "connected"))
        } catch {
            logger.error("could not save a Stripe link", ["business.id": state.businessID, "error": "\(error)"])
            return refuse(.storageFailed, flow: state.flow, business: state.businessID)
        }
        relay?.wake()
        logger.info("stripe account linked", ["business.id": state.businessID, "stripe.account": account])
        return .init(
            redirectUrl: returnURL(flow: state.flow, outcome: [("stripe", "connected")]), connected: true,
            businessId: state.businessID, stripeAccountId: account, accountName: name
        )
    }

    /// The account's display name; its id when the account cannot be read right now.
    private func accountName(_ account: String) -> String {
        do {
            return AccountName.of(account: try stripe.retrieveAccount(account), id: account)
        } catch {
            logger.warning("could not read the account's name; keeping its id", ["stripe.account": account])
            return account
        }
    }

    private func refuse(_ reason: CallbackReason, flow: ConnectV1.Flow, business: String)
        -> ConnectV1.CompleteCallbackResponse
    {
        logger.info("stripe callback refused", ["business.id": business, "reason": reason.rawValue])
        return .init(
            redirectUrl: returnURL(flow: flow, outcome: [("stripe", "error"), ("reason", reason.rawValue)]),
            reason: reason.rawValue, businessId: business
        )
    }

    /// Only the configured page of each flow is ever a target: nothing in the callback picks it.
    private func returnURL(flow: ConnectV1.Flow, outcome: [(String, String)]) -> String {
        let base = flow == .clientPortal ? settings.clientReturnURL : settings.agencyReturnURL
        return base + (base.contains("?") ? "&" : "?") + URLQuery.encode(outcome)
    }

    // MARK: - Status, disconnect, lookups

    public func status(_ request: ConnectV1.StatusRequest) throws -> ConnectV1.StatusResponse {
        try requireBusiness(request.businessId)
        guard let access = try store.access(of: request.businessId) else { return .init(state: .notConnected) }
        var response = ConnectV1.StatusResponse(
            state: access.linkState == "needs_reconnect" ? .needsReconnect : .connected,
            stripeAccountId: access.stripeAccountID, accountName: access.accountName, dateCreated: access.dateCreated
        )
        if let syncClient,
            let last = try? syncClient.call(
                SyncV1.SyncEngine.listJobs, .init(businessId: request.businessId, limit: 1), timeout: .seconds(2)
            ).jobs.first
        {
            response.lastSyncFinishedAt = last.finishedAt
            response.lastSyncState = last.state
        }
        return response
    }

    public func disconnect(_ request: ConnectV1.DisconnectRequest) throws -> ConnectV1.DisconnectResponse {
        try requireBusiness(request.businessId)
        guard let removed = try store.removeLink(businessID: request.businessId) else {
            return .init(wasConnected: false)
        }
        relay?.wake()
        logger.info("stripe account unlinked", ["business.id": request.businessId])
        if settings.deauthorizeOnDisconnect {
            do {
                try stripe.deauthorize(clientID: clientID, account: removed.stripeAccountID)
            } catch {
                logger.warning("deauthorize at Stripe failed; the link is removed here anyway", ["error": "\(error)"])
            }
        }
        return .init(wasConnected: true, stripeAccountId: removed.stripeAccountID)
    }

    public func accountForBusiness(_ request: ConnectV1.AccountForBusinessRequest) throws
        -> ConnectV1.AccountForBusinessResponse
    {
        try requireBusiness(request.businessId)
        guard let access = try store.access(of: request.businessId) else { return .init(state: .notConnected) }
        return .init(
            state: access.linkState == "needs_reconnect" ? .needsReconnect : .connected,
            stripeAccountId: access.stripeAccountID
        )
    }

    public func markNeedsReconnect(_ request: ConnectV1.MarkNeedsReconnectRequest) throws
        -> ConnectV1.MarkNeedsReconnectResponse
    {
        try requireBusiness(request.businessId)
        let changed = try store.setLinkState(
            businessID: request.businessId, stripeAccountID: request.stripeAccountId, state: "needs_reconnect"
        )
        return .init(changed: changed)
    }

    private func requireBusiness(_ businessID: String) throws {
        guard !businessID.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        guard businessID.utf8.count <= 128 else { throw RPCError.invalidArgument("business_id is over 128 bytes") }
    }

    public func register(on server: RPCServer) {
        server.register(ConnectV1.ConnectAuth.connectURL) { request, _ in try self.connectURL(request) }
        server.register(ConnectV1.ConnectAuth.completeCallback) { request, _ in self.completeCallback(request) }
        server.register(ConnectV1.ConnectAuth.status) { request, _ in try self.status(request) }
        server.register(ConnectV1.ConnectAuth.disconnect) { request, _ in try self.disconnect(request) }
        server.register(ConnectV1.ConnectAuth.accountForBusiness) { request, _ in try self.accountForBusiness(request) }
        server.register(ConnectV1.ConnectAuth.markNeedsReconnect) { request, _ in
            try self.markNeedsReconnect(request)
        }
    }
}
