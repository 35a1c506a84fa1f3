/// A Checkout Session's outcome for onboarding: paid, waiting for a delayed payment, or failed.
struct CheckoutSnapshot {
    let id: String
    let tenantID: String?
    let customer: String?
    let subscriptionID: String?
    let status: CheckoutStatus

    init?(_ object: [String: Any], eventType: String) {
        guard let id = object.string("id"), !id.isEmpty else { return nil }
        self.id = id
        tenantID = object.string("client_reference_id") ?? object.string("metadata.tenant_id")
        customer = object.reference("customer")
        subscriptionID = object.reference("subscription")
        switch eventType {
        case "checkout.session.async_payment_succeeded": status = .paid
        case "checkout.session.async_payment_failed": status = .failed
        default:
            let paid = ["paid", "no_payment_required"].contains(object.string("payment_status") ?? "")
            status = paid ? .paid : .awaitingPayment
        }
    }
}

/// Onboarding payment states; a session only moves to a higher rank.
enum CheckoutStatus: String {
    case open
    case awaitingPayment = "awaiting_payment"
    case paid
    case failed

    var rank: Int {
        switch self {
        case .open: 0
        case .awaitingPayment: 1
        case .paid, .failed: 2
        }
    }
}
