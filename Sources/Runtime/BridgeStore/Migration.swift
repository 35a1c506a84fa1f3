/// One schema step. `sql` may hold several statements; they run in one transaction together
/// with the row that records `version` in `schema_migrations`.
public struct Migration: Sendable {
    public let version: Int
    public let sql: String

    public init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}
