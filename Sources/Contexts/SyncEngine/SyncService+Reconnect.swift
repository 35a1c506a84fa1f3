import BridgeLog
import BridgeRPC
import Contracts

extension SyncService {
    /// Tells ConnectAuth that Stripe refused this account's credentials (401 or a permission
    /// error), so its Status shows NEEDS_RECONNECT and the business is asked to connect again.
    ///
    /// Best effort with a short timeout: when ConnectAuth cannot be reached, the next run meets
    /// the same refusal and reports it again. ConnectAuth only marks a link to this same
    /// account, so a report that arrives after a relink changes nothing.
    static func reportNeedsReconnect(
        businessID: String, stripeAccountID: String, reason: String, connect: RPCClient?, logger: Logger
    ) {
        guard let connect else { return }
        let request = ConnectV1.MarkNeedsReconnectRequest(
            businessId: businessID, stripeAccountId: stripeAccountID, reason: String(reason.prefix(200))
        )
        do {
            _ = try connect.call(ConnectV1.ConnectAuth.markNeedsReconnect, request, timeout: .seconds(2))
        } catch {
            logger.warning(
                "could not tell ConnectAuth that the account needs reconnecting; the next run retries",
                ["business.id": businessID, "error": "\(error)"]
            )
        }
    }
}
