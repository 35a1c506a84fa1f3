import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts

/// PlatformBilling's calls. Tenants, packages, webhooks and credits are not built yet: the
/// service owns its SQLite file and answers Health, and GetTenantBilling says it is not
/// implemented rather than inventing figures.
public final class BillingService: Sendable {
    private let database: Database
    private let logger: Logger

    static let migrations = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE tenants (
                    tenant_id TEXT PRIMARY KEY,
                    status TEXT NOT NULL,
                    package_id TEXT NOT NULL DEFAULT '',
                    seat_limit INTEGER NOT NULL DEFAULT 0,
                    credit_balance INTEGER NOT NULL DEFAULT 0
                );
                """
        )
    ]

    public init(database: Database, logger: Logger) throws {
        self.database = database
        self.logger = logger
        try database.migrate(Self.migrations)
    }

    public func register(on server: RPCServer) {
        server.register(BillingV1.PlatformBilling.getTenantBilling) { _, _ in
            throw RPCError(.unimplemented, "tenant billing is not available yet")
        }
    }
}
