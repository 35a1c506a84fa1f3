import BridgeStore

/// RevenueQuery's tables: the objects it was handed, the businesses it knows, applied batches,
/// the CRM contacts of each business, and (version 3) what the in-memory index is rebuilt and
/// updated from: one row per payment, the links between objects, and each customer's email.
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
        Migration(
            version: 3,
            sql: """
                ALTER TABLE businesses ADD COLUMN derived INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX objects_by_id ON objects(business_id, object_id);
                CREATE TABLE object_links (
                    business_id TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    PRIMARY KEY (business_id, target_id, object_type, object_id)
                ) WITHOUT ROWID;
                CREATE INDEX object_links_by_object ON object_links(business_id, object_type, object_id);
                CREATE TABLE customer_links (
                    business_id TEXT NOT NULL,
                    customer_id TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    PRIMARY KEY (business_id, customer_id, object_type, object_id)
                ) WITHOUT ROWID;
                CREATE INDEX customer_links_by_object ON customer_links(business_id, object_type, object_id);
                CREATE TABLE payments (
                    business_id TEXT NOT NULL,
                    payment_key TEXT NOT NULL,
                    email TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    gross INTEGER NOT NULL,
                    refunded INTEGER NOT NULL,
                    disputed_lost INTEGER NOT NULL,
                    time INTEGER,
                    PRIMARY KEY (business_id, payment_key)
                ) WITHOUT ROWID;
                CREATE INDEX payments_by_email ON payments(business_id, email);
                CREATE INDEX payments_by_time ON payments(business_id, time);
                CREATE TABLE customers (
                    business_id TEXT NOT NULL,
                    customer_id TEXT NOT NULL,
                    email TEXT,
                    name TEXT,
                    deleted INTEGER NOT NULL,
                    PRIMARY KEY (business_id, customer_id)
                ) WITHOUT ROWID;
                CREATE INDEX customers_by_email ON customers(business_id, email);
                """
        ),
    ]
}
