import BridgeStore

extension BillingStore {
    /// Stores `subscription` as the tenant's current one, marked with the event second it
    /// stands for. The package follows the subscription's price; the seat limit its quantity.
    func applySubscription(
        _ subscription: SubscriptionSnapshot, tenantID: String, eventCreated: Int64
    ) throws {
        let packageID = try package(priceID: subscription.priceID)?.packageId ?? ""
        try database.execute(
            """
            UPDATE tenants SET stripe_subscription_id = ?, stripe_customer_id = ?, subscription_status = ?,
                stripe_price_id = ?, package_id = ?, seat_limit = ?, period_start = ?, period_end = ?,
                subscription_event_created = ?
            WHERE tenant_id = ?
            """,
            [
                .text(subscription.id), .text(subscription.customer), .text(subscription.status),
                .text(subscription.priceID), .text(packageID), .integer(subscription.quantity),
                .integer(subscription.periodStart), .integer(subscription.periodEnd),
                .integer(eventCreated), .text(tenantID),
            ]
        )
        try refreshStatus(tenantID)
    }

    /// Records a checkout outcome; a session never moves back to a lower rank. The tenant's
    /// onboarding status follows its current session (the first one seen when none is set).
    /// Returns false when nothing changed.
    func applyCheckout(_ checkout: CheckoutSnapshot, tenantID: String, now: Int64) throws -> Bool {
        let stored = try database.queryOne(
            "SELECT status FROM checkout_sessions WHERE session_id = ?", [.text(checkout.id)],
            { $0.text(0) })
        if let stored, let rank = CheckoutStatus(rawValue: stored)?.rank, rank >= checkout.status.rank {
            return false
        }
        try database.execute(
            """
            INSERT INTO checkout_sessions (session_id, tenant_id, package_id, url, status, created_at)
            VALUES (?, ?, '', '', ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET status = excluded.status
            """,
            [.text(checkout.id), .text(tenantID), .text(checkout.status.rawValue), .integer(now)]
        )
        try database.execute(
            """
            UPDATE tenants SET checkout_session_id = ?, checkout_status = ?,
                stripe_customer_id = CASE WHEN stripe_customer_id = '' THEN ? ELSE stripe_customer_id END,
                stripe_subscription_id = CASE WHEN stripe_subscription_id = '' THEN ?
                    ELSE stripe_subscription_id END
            WHERE tenant_id = ? AND checkout_session_id IN ('', ?)
            """,
            [
                .text(checkout.id), .text(checkout.status.rawValue), .text(checkout.customer ?? ""),
                .text(checkout.subscriptionID ?? ""), .text(tenantID), .text(checkout.id),
            ]
        )
        try refreshStatus(tenantID)
        return true
    }

    /// Remembers a session made by CreateOnboardingCheckout and makes it the tenant's current one.
    func recordCreatedCheckout(
        sessionID: String, tenantID: String, packageID: String, url: String, now: Int64
    )
        throws
    {
        try ensureTenant(tenantID)
        try database.execute(
            """
            INSERT INTO checkout_sessions (session_id, tenant_id, package_id, url, status, created_at)
            VALUES (?, ?, ?, ?, 'open', ?)
            ON CONFLICT (session_id) DO UPDATE SET package_id = excluded.package_id, url = excluded.url
            """,
            [.text(sessionID), .text(tenantID), .text(packageID), .text(url), .integer(now)]
        )
        let status = try database.queryOne(
            "SELECT status FROM checkout_sessions WHERE session_id = ?", [.text(sessionID)],
            { $0.text(0) })
        try database.execute(
            "UPDATE tenants SET checkout_session_id = ?, checkout_status = ? WHERE tenant_id = ?",
            [.text(sessionID), .text(status ?? "open"), .text(tenantID)]
        )
        try refreshStatus(tenantID)
    }
}
