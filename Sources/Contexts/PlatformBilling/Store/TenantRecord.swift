import BridgeStore

/// One tenant row as stored.
struct TenantRecord {
    let tenantID: String
    let packageID: String
    let seatLimit: Int64
    let creditBalance: Int64
    let customerID: String
    let subscriptionID: String
    let priceID: String
    let subscriptionStatus: String
    let periodStart: Int64
    let periodEnd: Int64
    let subscriptionEventCreated: Int64?
    let checkoutSessionID: String
    let checkoutStatus: String

    static let columns = """
        tenant_id, package_id, seat_limit, credit_balance, stripe_customer_id,
        stripe_subscription_id, stripe_price_id, subscription_status, period_start, period_end,
        subscription_event_created, checkout_session_id, checkout_status
        """

    init(_ row: Row) {
        tenantID = row.text(0)
        packageID = row.text(1)
        seatLimit = row.int(2)
        creditBalance = row.int(3)
        customerID = row.text(4)
        subscriptionID = row.text(5)
        priceID = row.text(6)
        subscriptionStatus = row.text(7)
        periodStart = row.int(8)
        periodEnd = row.int(9)
        subscriptionEventCreated = row.optionalInt(10)
        checkoutSessionID = row.text(11)
        checkoutStatus = row.text(12)
    }

    /// The status shown to the platform. A checkout still waiting for (or failed in) a
    /// delayed payment overrides the subscription, so nobody is activated before paying.
    var status: String {
        switch CheckoutStatus(rawValue: checkoutStatus) {
        case .awaitingPayment: return "awaiting_payment"
        case .failed: return "payment_failed"
        case .paid where subscriptionStatus.isEmpty: return "active"
        default: return subscriptionStatus.isEmpty ? "pending" : subscriptionStatus
        }
    }

    /// Active and trialing subscriptions grant access.
    var hasAccess: Bool { ["active", "trialing"].contains(status) }
}
