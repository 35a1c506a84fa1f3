import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import StripeWebhooks

/// Verifies, de-duplicates and applies Stripe webhook deliveries.
///
/// The signature is checked before anything is read or stored. The event id is inserted in the
/// same transaction as the event's effects, so concurrent deliveries of one event apply it
/// once. Subscription events older than what is stored are recorded and change nothing; for
/// events in the same second the current subscription is read from Stripe outside the
/// transaction and the transaction is retried.
final class WebhookProcessor: Sendable {
    typealias Outcome = BillingV1.WebhookOutcome

    let store: BillingStore
    let stripe: BillingStripeAPI
    let secrets: [String]
    let clock: @Sendable () -> Int64
    let logger: Logger

    init(
        store: BillingStore, stripe: BillingStripeAPI, secrets: [String],
        clock: @escaping @Sendable () -> Int64,
        logger: Logger
    ) {
        self.store = store
        self.stripe = stripe
        self.secrets = secrets
        self.clock = clock
        self.logger = logger
    }

    func handle(_ request: BillingV1.HandleWebhookRequest) throws -> BillingV1.HandleWebhookResponse {
        do {
            let header = request.stripeSignature.isEmpty ? nil : request.stripeSignature
            try WebhookSignature.verify(
                payload: request.payload, header: header, secrets: secrets, now: clock())
        } catch {
            logger.warning("webhook rejected", ["webhook.reason": error.description])
            throw RPCError(.unauthenticated, error.description)
        }
        let event: WebhookEvent
        do {
            event = try WebhookEvent(payload: request.payload)
        } catch {
            throw RPCError(.invalidArgument, error.description)
        }
        let (outcome, detail) = try process(event)
        let fields = ["event.id": event.id, "event.type": event.type, "webhook.detail": detail]
        if outcome == .skipped {
            logger.info("webhook skipped", fields)
        } else {
            logger.info(
                "webhook \(outcome == .applied ? "applied" : outcome == .duplicate ? "duplicate" : "stale")",
                fields)
        }
        return BillingV1.HandleWebhookResponse(eventId: event.id, outcome: outcome, detail: detail)
    }

    private func process(_ event: WebhookEvent) throws -> (Outcome, String) {
        if try store.isProcessed(event.id) { return (.duplicate, "event already handled") }
        let plan = WebhookPlan.classify(event)
        if case .skip(let reason) = plan { return (.skipped, reason) }
        var current: SubscriptionSnapshot?
        for _ in 0..<3 {
            do {
                return try store.database.transaction {
                    guard try store.recordEvent(event, now: clock()) else {
                        return (.duplicate, "event already handled")
                    }
                    return try apply(plan, event: event, current: current)
                }
            } catch let skip as SkipEvent {
                return (.skipped, skip.reason)
            } catch let needed as NeedsCurrentSubscription {
                current = try fetchSubscription(needed.subscriptionID)
            }
        }
        throw RPCError(
            .aborted, "event \(event.id) raced other deliveries three times; Stripe will retry it")
    }

    private func fetchSubscription(_ id: String) throws -> SubscriptionSnapshot {
        let object: [String: Any]
        do {
            object = try stripe.currentSubscription(id: id)
        } catch {
            throw RPCError(
                .unavailable,
                "cannot read subscription \(id) from Stripe to order same-second events; "
                    + "the delivery will be retried", cause: "\(error)")
        }
        guard let snapshot = SubscriptionSnapshot(object) else {
            throw RPCError(.unavailable, "Stripe returned subscription \(id) without an id or status")
        }
        return snapshot
    }
}

/// Thrown inside the transaction to undo the event's record and acknowledge it as skipped.
struct SkipEvent: Error {
    let reason: String
}

/// Thrown inside the transaction when same-second events need Stripe's current subscription.
struct NeedsCurrentSubscription: Error {
    let subscriptionID: String
}
