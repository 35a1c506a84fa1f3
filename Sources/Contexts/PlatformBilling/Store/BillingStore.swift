import BridgeStore
import Contracts

/// PlatformBilling's SQLite file: packages, tenants, invoices, seats and the credit ledger.
/// Methods that change several rows expect to run inside the caller's transaction.
final class BillingStore: Sendable {
    let database: Database

    init(database: Database) throws {
        self.database = database
        try database.migrate(BillingSchema.migrations)
    }

    func tenant(_ tenantID: String) throws -> TenantRecord? {
        try database.queryOne(
            "SELECT \(TenantRecord.columns) FROM tenants WHERE tenant_id = ?", [.text(tenantID)],
            TenantRecord.init
        )
    }

    /// The tenant that owns `subscriptionID`, else `customerID`.
    func tenantID(subscription subscriptionID: String?, customer customerID: String?) throws
        -> String?
    {
        if let subscriptionID, !subscriptionID.isEmpty,
            let found = try database.queryOne(
                "SELECT tenant_id FROM tenants WHERE stripe_subscription_id = ?", [.text(subscriptionID)],
                { $0.text(0) })
        {
            return found
        }
        guard let customerID, !customerID.isEmpty else { return nil }
        return try database.queryOne(
            "SELECT tenant_id FROM tenants WHERE stripe_customer_id = ?", [.text(customerID)],
            { $0.text(0) })
    }

    func ensureTenant(_ tenantID: String) throws {
        try database.execute(
            "INSERT OR IGNORE INTO tenants (tenant_id, status) VALUES (?, 'pending')", [.text(tenantID)])
    }

    /// Keeps the stored `status` column equal to the derived status.
    func refreshStatus(_ tenantID: String) throws {
        guard let tenant = try tenant(tenantID) else { return }
        try database.execute(
            "UPDATE tenants SET status = ? WHERE tenant_id = ?", [.text(tenant.status), .text(tenantID)])
    }

    // MARK: Packages

    func upsertPackage(_ package: BillingV1.BillingPackage) throws {
        try database.execute(
            """
            INSERT INTO packages (package_id, name, stripe_price_id, included_seats, credits_per_period)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (package_id) DO UPDATE SET name = excluded.name,
                stripe_price_id = excluded.stripe_price_id, included_seats = excluded.included_seats,
                credits_per_period = excluded.credits_per_period
            """,
            [
                .text(package.packageId), .text(package.name), .text(package.stripePriceId),
                .integer(package.includedSeats), .integer(package.creditsPerPeriod),
            ]
        )
    }

    func package(_ packageID: String) throws -> BillingV1.BillingPackage? {
        try database.queryOne(
            Self.packageSelect + " WHERE package_id = ?", [.text(packageID)], Self.package)
    }

    func package(priceID: String) throws -> BillingV1.BillingPackage? {
        try database.queryOne(
            Self.packageSelect + " WHERE stripe_price_id = ?", [.text(priceID)], Self.package)
    }

    func packages() throws -> [BillingV1.BillingPackage] {
        var found: [BillingV1.BillingPackage] = []
        try database.query(Self.packageSelect + " ORDER BY package_id") {
            found.append(Self.package($0))
        }
        return found
    }

    private static let packageSelect =
        "SELECT package_id, name, stripe_price_id, included_seats, credits_per_period FROM packages"

    private static func package(_ row: Row) -> BillingV1.BillingPackage {
        BillingV1.BillingPackage(
            packageId: row.text(0), name: row.text(1), stripePriceId: row.text(2),
            includedSeats: row.int(3), creditsPerPeriod: row.int(4)
        )
    }
}
