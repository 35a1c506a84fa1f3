import CSQLite
import Foundation

extension Database {
    /// Applies, in version order, each migration not yet recorded in `schema_migrations`.
    /// Each runs in its own transaction, so a failing one leaves the earlier ones applied.
    public func migrate(_ migrations: [Migration]) throws {
        let versions = migrations.map(\.version)
        guard Set(versions).count == versions.count else {
            throw StoreError(
                code: SQLITE_MISUSE,
                message:
                    "migration versions must be unique, got \(versions.sorted()); renumber the duplicates",
                sql: ""
            )
        }
        try transaction {
            try executeScript(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    applied_at INTEGER NOT NULL
                )
                """)
        }
        let newest = try queryOne("SELECT MAX(version) FROM schema_migrations") { $0.optionalInt(0) } ?? nil
        if let newest, let known = versions.max(), newest > Int64(known) {
            throw StoreError(
                code: SQLITE_MISMATCH,
                message:
                    "\(path) was written by a newer build (schema version \(newest); this build knows up to "
                    + "\(known)); run that build, or restore a backup made for this one",
                sql: ""
            )
        }
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            try transaction {
                let applied = try queryOne(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", [SQLValue(migration.version)]
                ) { _ in true }
                guard applied == nil else { return }
                try executeScript(migration.sql)
                try execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [SQLValue(migration.version), .integer(Int64(Date().timeIntervalSince1970))]
                )
                logger.debug(
                    "applied migration", ["db.path": path, "db.migration": "\(migration.version)"])
            }
        }
    }
}
