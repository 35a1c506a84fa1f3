import BridgeRPC
import Contracts

/// Removing a link: the row here, and through the outbox every row of the business elsewhere.
extension ConnectService {
    public func disconnect(_ request: ConnectV1.DisconnectRequest, context: CallContext) throws
        -> ConnectV1.DisconnectResponse
    {
        try requireBusiness(request.businessId)
        try access.require(context, businessID: request.businessId, clientRoute: true)
        guard
            let removed = try unlink(businessID: request.businessId, why: "disconnected by the business")
        else {
            return .init(wasConnected: false)
        }
        if settings.deauthorizeOnDisconnect {
            do {
                try stripe.deauthorize(clientID: clientID, account: removed.stripeAccountID)
            } catch {
                logger.warning(
                    "deauthorize at Stripe failed; the link is removed here anyway", ["error": "\(error)"])
            }
        }
        return .init(wasConnected: true, stripeAccountId: removed.stripeAccountID)
    }

    /// Deletes the link and queues the purge for SyncEngine (which forwards it to RevenueQuery)
    /// in one transaction, so the purge happens even if a context is down right now.
    func unlink(businessID: String, why: String) throws -> ConnectStore.Access? {
        guard let removed = try store.removeLink(businessID: businessID) else { return nil }
        relay?.wake()
        logger.info("stripe account unlinked", ["business.id": businessID, "reason": why])
        return removed
    }
}
