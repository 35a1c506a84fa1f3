import BridgeStore
import Outbox

/// ConnectAuth's tables: the one link per business, spent OAuth nonces, and the outbox.
enum ConnectSchema {
    static let migrations = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE stripe_access (
                    business_id TEXT PRIMARY KEY,
                    stripe_account_id TEXT NOT NULL,
                    account_name TEXT NOT NULL,
                    date_created INTEGER NOT NULL,
                    link_state TEXT NOT NULL DEFAULT 'connected'
                );
                CREATE INDEX stripe_access_account ON stripe_access(stripe_account_id);
                CREATE TABLE used_nonces (
                    nonce TEXT PRIMARY KEY,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """
        ),
        OutboxStore.migration,
    ]
}
