import BridgeStore
import Contracts

extension BillingStore {
    /// Stores `invoice` unless what is stored is further along (by status rank, then event second).
    /// Returns false when nothing changed.
    func applyInvoice(_ invoice: InvoiceSnapshot, tenantID: String, eventCreated: Int64) throws
        -> Bool
    {
        let rank = InvoiceSnapshot.rank(of: invoice.status)
        let stored = try database.queryOne(
            "SELECT status_rank, event_created FROM invoices WHERE invoice_id = ?", [.text(invoice.id)],
            { ($0.int(0), $0.int(1)) })
        if let stored, (stored.0, stored.1) >= (rank, eventCreated) { return false }
        try database.execute(
            """
            INSERT INTO invoices (invoice_id, tenant_id, status, status_rank, currency, amount_due,
                amount_paid, created, event_created)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (invoice_id) DO UPDATE SET status = excluded.status,
                status_rank = excluded.status_rank, currency = excluded.currency,
                amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
                event_created = excluded.event_created
            """,
            [
                .text(invoice.id), .text(tenantID), .text(invoice.status), .integer(rank),
                .text(invoice.currency), .integer(invoice.amountDue), .integer(invoice.amountPaid),
                .integer(invoice.created), .integer(eventCreated),
            ]
        )
        return true
    }

    /// Credits a paid invoice buys: `metadata.credits`, else the package of its price.
    func credits(boughtBy invoice: InvoiceSnapshot, tenant: TenantRecord) throws -> Int64 {
        if let purchased = invoice.purchasedCredits { return max(purchased, 0) }
        for priceID in invoice.linePriceIDs {
            if let package = try package(priceID: priceID) { return package.creditsPerPeriod }
        }
        return 0
    }

    func recentInvoices(_ tenantID: String, limit: Int64 = 10) throws -> [BillingV1.TenantInvoice] {
        var invoices: [BillingV1.TenantInvoice] = []
        try database.query(
            """
            SELECT invoice_id, status, currency, amount_due, amount_paid, created FROM invoices
            WHERE tenant_id = ? ORDER BY created DESC, invoice_id DESC LIMIT ?
            """,
            [.text(tenantID), .integer(limit)]
        ) { row in
            invoices.append(
                BillingV1.TenantInvoice(
                    invoiceId: row.text(0), status: row.text(1), currency: row.text(2),
                    amountDue: row.int(3), amountPaid: row.int(4), created: row.int(5)
                ))
        }
        return invoices
    }

    /// Stores a credit grant unless a newer (or equally new and voided) state is stored.
    func applyCreditGrant(_ grant: CreditGrantSnapshot, tenantID: String, eventCreated: Int64) throws
        -> Bool
    {
        let stored = try database.queryOne(
            "SELECT event_created, voided_at IS NOT NULL FROM credit_grants WHERE grant_id = ?",
            [.text(grant.id)], { ($0.int(0), $0.int(1) != 0) })
        if let stored {
            let incomingVoided = grant.voidedAt != nil
            if eventCreated < stored.0 || (eventCreated == stored.0 && (stored.1 || !incomingVoided)) {
                return false
            }
        }
        try database.execute(
            """
            INSERT INTO credit_grants (grant_id, tenant_id, category, currency, amount, voided_at,
                expires_at, event_created)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (grant_id) DO UPDATE SET category = excluded.category,
                currency = excluded.currency, amount = excluded.amount, voided_at = excluded.voided_at,
                expires_at = excluded.expires_at, event_created = excluded.event_created
            """,
            [
                .text(grant.id), .text(tenantID), .text(grant.category), .text(grant.currency),
                .integer(grant.amount), SQLValue(grant.voidedAt), SQLValue(grant.expiresAt),
                .integer(eventCreated),
            ]
        )
        return true
    }
}
