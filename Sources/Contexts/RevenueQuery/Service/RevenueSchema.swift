import BridgeStore

/// RevenueQuery's tables: the objects it was handed, the businesses it knows, applied batches,
/// and the CRM contacts of each business.
enum RevenueSchema {
    static let migrations = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE businesses (
                    business_id TEXT PRIMARY KEY,
                    stripe_account_id TEXT NOT NULL,
                    connected INTEGER NOT NULL
                );
                CREATE TABLE objects (
                    business_id TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    json BLOB NOT NULL,
                    PRIMARY KEY (business_id, object_type, object_id)
                ) WITHOUT ROWID;
                CREATE TABLE applied_batches (
                    batch_id TEXT PRIMARY KEY,
                    business_id TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX applied_batches_business ON applied_batches(business_id);
                """
        ),
        Migration(
            version: 2,
            sql: """
                CREATE TABLE contacts (
                    business_id TEXT NOT NULL,
                    contact_id TEXT NOT NULL,
                    email TEXT NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (business_id, contact_id)
                ) WITHOUT ROWID;
                """
        ),
    ]
}
