import BridgeStore

extension BillingStore {
    func seatsUsed(_ tenantID: String) throws -> Int64 {
        try database.queryOne(
            "SELECT COUNT(*) FROM seats WHERE tenant_id = ?", [.text(tenantID)], { $0.int(0) })
            ?? 0
    }

    /// Gives `holderID` a seat unless the limit is reached; holding one already is fine.
    func reserveSeat(tenantID: String, holderID: String) throws {
        guard let tenant = try tenant(tenantID) else { throw BillingFailure.unknownTenant(tenantID) }
        guard tenant.hasAccess else { throw BillingFailure.noAccess(tenantID, status: tenant.status) }
        let held =
            try database.queryOne(
                "SELECT 1 FROM seats WHERE tenant_id = ? AND holder_id = ?",
                [.text(tenantID), .text(holderID)],
                { _ in true }) ?? false
        if held { return }
        let used = try seatsUsed(tenantID)
        guard used < tenant.seatLimit else {
            throw BillingFailure.seatLimitReached(tenantID, used: used, limit: tenant.seatLimit)
        }
        try database.execute(
            "INSERT INTO seats (tenant_id, holder_id) VALUES (?, ?)", [.text(tenantID), .text(holderID)])
    }

    /// Frees `holderID`'s seat; releasing a seat nobody holds changes nothing.
    func releaseSeat(tenantID: String, holderID: String) throws {
        guard try tenant(tenantID) != nil else { throw BillingFailure.unknownTenant(tenantID) }
        try database.execute(
            "DELETE FROM seats WHERE tenant_id = ? AND holder_id = ?", [.text(tenantID), .text(holderID)])
    }
}
