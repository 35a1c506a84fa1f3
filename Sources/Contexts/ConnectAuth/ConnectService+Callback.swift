import BridgeCrypto
import BridgeRPC
import Contracts
import StripeClient

/// The OAuth round trip: the authorize URL out, Stripe's redirect back.
extension ConnectService {
    /// A client-role grant may only start the client-portal flow of its own business.
    public func connectURL(_ request: ConnectV1.ConnectURLRequest, context: CallContext) throws
        -> ConnectV1.ConnectURLResponse
    {
        try requireBusiness(request.businessId)
        let grant = try access.require(context, businessID: request.businessId, clientRoute: true)
        if grant.role == .client, request.flow != .clientPortal {
            throw RPCError.permissionDenied(
                "a client grant may only start the client-portal flow (flow CLIENT_PORTAL)")
        }
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

    /// Everything but the signed state is untrusted input: the business and flow come only from
    /// the state, the redirect only from configuration.
    public func completeCallback(_ request: ConnectV1.CompleteCallbackRequest)
        -> ConnectV1.CompleteCallbackResponse
    {
        let guessedFlow: ConnectV1.Flow =
            request.state.hasPrefix(OAuthState.clientPrefix) ? .clientPortal : .agency
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
        guard !request.code.isEmpty else {
            return refuse(.missingCode, flow: state.flow, business: state.businessID)
        }
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
            logger.warning(
                "OAuth token exchange failed", ["business.id": state.businessID, "error": "\(error)"])
            return refuse(.tokenExchangeFailed, flow: state.flow, business: state.businessID)
        }
        let account = token.stripeUserID
        let name = readAccountName(account, client: stripe) ?? account
        do {
            if !settings.allowSharedAccounts,
                !(try store.otherBusinesses(linkedTo: account, except: state.businessID)).isEmpty
            {
                return refuse(.accountInUse, flow: state.flow, business: state.businessID)
            }
            try store.saveLink(
                .init(
                    businessID: state.businessID, stripeAccountID: account, accountName: name,
                    dateCreated: clock(), linkState: "connected"))
        } catch {
            logger.error(
                "could not save a Stripe link", ["business.id": state.businessID, "error": "\(error)"])
            return refuse(.storageFailed, flow: state.flow, business: state.businessID)
        }
        relay?.wake()
        logger.info(
            "stripe account linked", ["business.id": state.businessID, "stripe.account": account])
        return .init(
            redirectUrl: returnURL(flow: state.flow, outcome: [("stripe", "connected")]), connected: true,
            businessId: state.businessID, stripeAccountId: account, accountName: name
        )
    }

    /// The account's display name, or nil when the account cannot be read right now.
    func readAccountName(_ account: String, client: StripeClient) -> String? {
        do {
            return AccountName.of(account: try client.retrieveAccount(account), id: account)
        } catch {
            logger.warning("could not read the account's name", ["stripe.account": account])
            return nil
        }
    }

    private func refuse(_ reason: CallbackReason, flow: ConnectV1.Flow, business: String)
        -> ConnectV1.CompleteCallbackResponse
    {
        logger.info("stripe callback refused", ["business.id": business, "reason": reason.rawValue])
        return .init(
            redirectUrl: returnURL(
                flow: flow, outcome: [("stripe", "error"), ("reason", reason.rawValue)]),
            reason: reason.rawValue, businessId: business
        )
    }

    /// Only the configured page of each flow is ever a target: nothing in the callback picks it.
    private func returnURL(flow: ConnectV1.Flow, outcome: [(String, String)]) -> String {
        let base = flow == .clientPortal ? settings.clientReturnURL : settings.agencyReturnURL
        return base + (base.contains("?") ? "&" : "?") + URLQuery.encode(outcome)
    }
}
