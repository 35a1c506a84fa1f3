import BridgeRPC
import Contracts
import Foundation
import StripeWebhooks

/// Stripe's Connect webhook: only `account.application.deauthorized` changes anything here.
extension ConnectService {
    public static let deauthorizedEventType = "account.application.deauthorized"

    /// Verifies the signature over the raw body, then unlinks every business of the account
    /// when the platform's access was revoked. Other event types are acknowledged and ignored.
    public func handleConnectWebhook(_ request: ConnectV1.HandleConnectWebhookRequest) throws
        -> ConnectV1.HandleConnectWebhookResponse
    {
        do {
            try WebhookSignature.verify(
                payload: request.payload, header: request.signatureHeader, secrets: webhookSecrets,
                now: clock()
            )
        } catch {
            logger.warning("connect webhook refused", ["reason": error.description])
            throw RPCError(
                .unauthenticated, "the Connect webhook delivery was refused: \(error.description)")
        }
        guard
            let event = try? JSONSerialization.jsonObject(with: Data(request.payload)) as? [String: Any],
            let eventID = event["id"] as? String, let type = event["type"] as? String
        else {
            throw RPCError.invalidArgument(
                "the Connect webhook body is not a Stripe event (no id or type)")
        }
        var response = ConnectV1.HandleConnectWebhookResponse(eventId: eventID, eventType: type)
        guard type == Self.deauthorizedEventType else {
            logger.debug("connect webhook skipped", ["stripe.event_type": type])
            return response
        }
        guard let account = event["account"] as? String, !account.isEmpty else {
            throw RPCError.invalidArgument(
                "\(type) event \(eventID) names no account; nothing can be unlinked")
        }
        response.handled = true
        // A link saved after the event happened is newer than the revocation: a late retry of
        // an old event (Stripe re-signs every retry) must not drop a fresh connection.
        let happenedAt = (event["created"] as? Int).map(Int64.init) ?? clock()
        for business in try store.businesses(linkedTo: account, linkedAtOrBefore: happenedAt) {
            if try unlink(businessID: business, why: "access revoked at Stripe") != nil {
                response.disconnectedBusinessIds.append(business)
            }
        }
        return response
    }
}
