/// What one event asks PlatformBilling to change, decided from its type and body alone.
enum WebhookPlan {
    case subscription(SubscriptionSnapshot)
    case checkout(CheckoutSnapshot)
    case invoice(InvoiceSnapshot, paid: Bool)
    case creditGrant(CreditGrantSnapshot)
    /// Nothing to store; the reason is logged.
    case skip(String)

    static let subscriptionTypes: Set<String> = [
        "customer.subscription.created", "customer.subscription.updated",
        "customer.subscription.deleted", "customer.subscription.paused",
        "customer.subscription.resumed", "customer.subscription.trial_will_end",
    ]
    static let checkoutTypes: Set<String> = [
        "checkout.session.completed", "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
    ]
    static let invoiceTypes: Set<String> = [
        "invoice.paid", "invoice.payment_failed", "invoice.finalized", "invoice.voided",
        "invoice.marked_uncollectible", "invoice.upcoming",
    ]
    static let creditGrantTypes: Set<String> = [
        "billing.credit_grant.created", "billing.credit_grant.updated",
    ]

    static func classify(_ event: WebhookEvent) -> WebhookPlan {
        let type = event.type
        if subscriptionTypes.contains(type) {
            return SubscriptionSnapshot(event.object).map { .subscription($0) }
                ?? .skip("the event carries no subscription with an id and a status")
        }
        if checkoutTypes.contains(type) {
            return CheckoutSnapshot(event.object, eventType: type).map { .checkout($0) }
                ?? .skip("the event carries no checkout session id")
        }
        if invoiceTypes.contains(type) {
            return InvoiceSnapshot(event.object).map { .invoice($0, paid: type == "invoice.paid") }
                ?? .skip("the invoice has no id (an upcoming invoice); nothing to store")
        }
        if creditGrantTypes.contains(type) {
            return CreditGrantSnapshot(event.object).map { .creditGrant($0) }
                ?? .skip("the event carries no credit grant id")
        }
        return .skip("event type \(type) is not handled")
    }
}
