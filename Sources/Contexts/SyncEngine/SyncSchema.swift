import BridgeStore
import Outbox

/// SyncEngine's tables: linked accounts, the mirror of their objects, runs, and the outbox.
enum SyncSchema {
    static let migrations = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE links (
                    business_id TEXT PRIMARY KEY,
                    stripe_account_id TEXT NOT NULL,
                    linked_at INTEGER NOT NULL,
                    last_success_started_at INTEGER
                );
                CREATE TABLE objects (
                    business_id TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    observed_at INTEGER NOT NULL,
                    json BLOB NOT NULL,
                    PRIMARY KEY (business_id, object_type, object_id)
                ) WITHOUT ROWID;
                CREATE TABLE sync_jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    business_id TEXT NOT NULL,
                    stripe_account_id TEXT NOT NULL,
                    trigger INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    error TEXT
                );
                CREATE INDEX sync_jobs_business ON sync_jobs(business_id, id);
                CREATE TABLE sync_job_types (
                    job_id INTEGER NOT NULL REFERENCES sync_jobs(id) ON DELETE CASCADE,
                    object_type TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    error TEXT,
                    PRIMARY KEY (job_id, object_type)
                );
                CREATE TABLE counters (
                    name TEXT PRIMARY KEY,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO counters (name, value) VALUES ('object_version', 0);
                CREATE TABLE processed_messages (
                    message_id TEXT PRIMARY KEY
                ) WITHOUT ROWID;
                """
        ),
        OutboxStore.migration,
        Migration(
            version: 2,
            sql: """
                ALTER TABLE sync_jobs ADD COLUMN since INTEGER;
                CREATE TABLE sync_cursors (
                    job_id INTEGER NOT NULL REFERENCES sync_jobs(id) ON DELETE CASCADE,
                    object_type TEXT NOT NULL,
                    starting_after TEXT,
                    count INTEGER NOT NULL,
                    done INTEGER NOT NULL,
                    PRIMARY KEY (job_id, object_type)
                ) WITHOUT ROWID;
                """
        ),
        // Mirrored objects are large rows (a kilobyte or more of JSON): a rowid table with a
        // unique index stores them far more cheaply than a WITHOUT ROWID b-tree.
        Migration(
            version: 3,
            sql: """
                CREATE TABLE objects_by_rowid (
                    business_id TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    observed_at INTEGER NOT NULL,
                    json BLOB NOT NULL,
                    UNIQUE (business_id, object_type, object_id)
                );
                INSERT INTO objects_by_rowid SELECT business_id, object_type, object_id, created, observed_at, json
                    FROM objects;
                DROP TABLE objects;
                ALTER TABLE objects_by_rowid RENAME TO objects;
                """
        ),
    ]
}
