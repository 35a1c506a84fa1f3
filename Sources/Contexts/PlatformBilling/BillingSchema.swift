import BridgeStore

/// PlatformBilling's tables. The credit ledger refuses UPDATE and DELETE, and no balance can
/// go below zero, whatever code path writes it.
enum BillingSchema {
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
        ),
        Migration(
            version: 2,
            sql: """
                ALTER TABLE tenants ADD COLUMN stripe_customer_id TEXT NOT NULL DEFAULT '';
                ALTER TABLE tenants ADD COLUMN stripe_subscription_id TEXT NOT NULL DEFAULT '';
                ALTER TABLE tenants ADD COLUMN stripe_price_id TEXT NOT NULL DEFAULT '';
                ALTER TABLE tenants ADD COLUMN subscription_status TEXT NOT NULL DEFAULT '';
                ALTER TABLE tenants ADD COLUMN period_start INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE tenants ADD COLUMN period_end INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE tenants ADD COLUMN subscription_event_created INTEGER;
                ALTER TABLE tenants ADD COLUMN checkout_session_id TEXT NOT NULL DEFAULT '';
                ALTER TABLE tenants ADD COLUMN checkout_status TEXT NOT NULL DEFAULT '';
                CREATE INDEX tenants_by_subscription ON tenants (stripe_subscription_id);
                CREATE INDEX tenants_by_customer ON tenants (stripe_customer_id);
                CREATE TRIGGER tenants_balance_never_negative
                    BEFORE UPDATE OF credit_balance ON tenants WHEN NEW.credit_balance < 0
                    BEGIN SELECT RAISE(ABORT, 'credit balance cannot go negative'); END;
                CREATE TABLE packages (
                    package_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    stripe_price_id TEXT NOT NULL UNIQUE,
                    included_seats INTEGER NOT NULL,
                    credits_per_period INTEGER NOT NULL
                );
                CREATE TABLE processed_events (
                    event_id TEXT PRIMARY KEY,
                    event_type TEXT NOT NULL,
                    outcome TEXT NOT NULL DEFAULT '',
                    processed_at INTEGER NOT NULL
                );
                CREATE TABLE checkout_sessions (
                    session_id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    package_id TEXT NOT NULL,
                    url TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE invoices (
                    invoice_id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_rank INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    amount_due INTEGER NOT NULL,
                    amount_paid INTEGER NOT NULL,
                    created INTEGER NOT NULL,
                    event_created INTEGER NOT NULL
                );
                CREATE INDEX invoices_by_tenant ON invoices (tenant_id, created);
                CREATE TABLE credit_grants (
                    grant_id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    category TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    voided_at INTEGER,
                    expires_at INTEGER,
                    event_created INTEGER NOT NULL
                );
                CREATE TABLE seats (
                    tenant_id TEXT NOT NULL,
                    holder_id TEXT NOT NULL,
                    PRIMARY KEY (tenant_id, holder_id)
                );
                CREATE TABLE credit_ledger (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant_id TEXT NOT NULL,
                    delta INTEGER NOT NULL,
                    balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
                    reason TEXT NOT NULL,
                    source TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    UNIQUE (tenant_id, source)
                );
                CREATE TRIGGER credit_ledger_append_only_update BEFORE UPDATE ON credit_ledger
                    BEGIN SELECT RAISE(ABORT, 'the credit ledger is append-only'); END;
                CREATE TRIGGER credit_ledger_append_only_delete BEFORE DELETE ON credit_ledger
                    BEGIN SELECT RAISE(ABORT, 'the credit ledger is append-only'); END;
                """
        ),
    ]
}
