import AccessControl
import BridgeRPC
import Contracts

/// What a business's link looks like now, for the settings page and for SyncEngine.
extension ConnectService {
    /// The link, its name (refreshed when it is still the bare account id) and the last sync.
    public func status(_ request: ConnectV1.StatusRequest, context: CallContext) throws
        -> ConnectV1.StatusResponse
    {
        try requireBusiness(request.businessId)
        try access.require(context, businessID: request.businessId, clientRoute: true)
        guard var link = try store.access(of: request.businessId) else {
            return .init(state: .notConnected)
        }
        if link.accountName == link.stripeAccountID {
            link.accountName = refreshedName(of: link) ?? link.accountName
        }
        var response = ConnectV1.StatusResponse(
            state: linkState(link), stripeAccountId: link.stripeAccountID, accountName: link.accountName,
            dateCreated: link.dateCreated
        )
        let grant =
            context.metadata[AccessGrant.metadataKey].map { [AccessGrant.metadataKey: $0] } ?? [:]
        if let syncClient,
            let last = try? syncClient.call(
                SyncV1.SyncEngine.listJobs, .init(businessId: request.businessId, limit: 1),
                timeout: .seconds(2),
                metadata: grant
            ).jobs.first
        {
            response.lastSyncFinishedAt = last.finishedAt
            response.lastSyncState = last.state
        }
        return response
    }

    /// Best effort: a link saved while the account could not be read gets its real name.
    private func refreshedName(of link: ConnectStore.Access) -> String? {
        guard let name = readAccountName(link.stripeAccountID, client: accountReader),
            name != link.stripeAccountID
        else { return nil }
        do {
            try store.rename(businessID: link.businessID, stripeAccountID: link.stripeAccountID, to: name)
        } catch {
            logger.warning("could not save a refreshed account name", ["business.id": link.businessID])
        }
        return name
    }

    public func accountForBusiness(_ request: ConnectV1.AccountForBusinessRequest) throws
        -> ConnectV1.AccountForBusinessResponse
    {
        try requireBusiness(request.businessId)
        guard let link = try store.access(of: request.businessId) else {
            return .init(state: .notConnected)
        }
        return .init(state: linkState(link), stripeAccountId: link.stripeAccountID)
    }

    /// Asked by SyncEngine when Stripe refuses the account's credentials; only the link to that
    /// same account is marked, so a stale report cannot mark a newer link.
    public func markNeedsReconnect(_ request: ConnectV1.MarkNeedsReconnectRequest) throws
        -> ConnectV1.MarkNeedsReconnectResponse
    {
        try requireBusiness(request.businessId)
        let changed = try store.setLinkState(
            businessID: request.businessId, stripeAccountID: request.stripeAccountId,
            state: "needs_reconnect"
        )
        if changed {
            logger.info(
                "stripe link needs reconnect",
                ["business.id": request.businessId, "reason": request.reason])
        }
        return .init(changed: changed)
    }

    private func linkState(_ link: ConnectStore.Access) -> ConnectV1.LinkState {
        link.linkState == "needs_reconnect" ? .needsReconnect : .connected
    }
}
