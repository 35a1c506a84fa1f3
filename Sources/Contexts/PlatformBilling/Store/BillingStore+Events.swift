import BridgeStore

extension BillingStore {
    func isProcessed(_ eventID: String) throws -> Bool {
        try database.queryOne(
            "SELECT 1 FROM processed_events WHERE event_id = ?", [.text(eventID)], { _ in true })
            ?? false
    }

    /// Records the event id; false when it was recorded before (the unique key decides).
    func recordEvent(_ event: WebhookEvent, now: Int64) throws -> Bool {
        try database.execute(
            "INSERT OR IGNORE INTO processed_events (event_id, event_type, processed_at) VALUES (?, ?, ?)",
            [.text(event.id), .text(event.type), .integer(now)]
        )
        return database.changes == 1
    }

    /// The tenant a checkout session was created for.
    func checkoutTenant(_ sessionID: String) throws -> String? {
        try database.queryOne(
            "SELECT tenant_id FROM checkout_sessions WHERE session_id = ?", [.text(sessionID)],
            { $0.text(0) })
    }
}
