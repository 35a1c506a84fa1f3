import BridgeStore

extension DerivedStore {
    private static let columns = "email, currency, gross, refunded, disputed_lost, time"

    private static func row(_ row: Row, from column: Int32 = 0) -> PaymentRow {
        PaymentRow(
            email: row.text(column), currency: row.text(column + 1), gross: row.int(column + 2),
            refunded: row.int(column + 3), disputedLost: row.int(column + 4), time: row.optionalInt(column + 5)
        )
    }

    func payment(forKey key: String) throws -> PaymentRow? {
        try database.queryOne(
            "SELECT \(Self.columns) FROM payments WHERE business_id = ? AND payment_key = ?",
            [.text(business), .text(key)]
        ) { Self.row($0) }
    }

    /// Stores the payment of a key, or forgets it when nil.
    func write(_ payment: PaymentRow?, forKey key: String) throws {
        guard let payment else {
            try database.execute(
                "DELETE FROM payments WHERE business_id = ? AND payment_key = ?", [.text(business), .text(key)]
            )
            return
        }
        try database.execute(
            """
            INSERT INTO payments (business_id, payment_key, \(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (business_id, payment_key) DO UPDATE SET email = excluded.email,
            currency = excluded.currency, gross = excluded.gross, refunded = excluded.refunded,
            disputed_lost = excluded.disputed_lost, time = excluded.time
            """,
            [
                .text(business), .text(key), .text(payment.email), .text(payment.currency), .integer(payment.gross),
                .integer(payment.refunded), .integer(payment.disputedLost), SQLValue(payment.time),
            ]
        )
    }

    /// One email's totals per currency, summed from its stored payments ("" for no email).
    func totals(ofEmail email: String) throws -> [String: CurrencyTotals] {
        var totals: [String: CurrencyTotals] = [:]
        try database.query(
            "SELECT \(Self.columns) FROM payments WHERE business_id = ? AND email = ?", [.text(business), .text(email)]
        ) { row in
            let payment = Self.row(row)
            totals[payment.currency, default: CurrencyTotals()].add(payment)
        }
        return totals
    }

    func keys(ofEmail email: String) throws -> [String] {
        var keys: [String] = []
        try database.query(
            "SELECT payment_key FROM payments WHERE business_id = ? AND email = ?", [.text(business), .text(email)]
        ) { keys.append($0.text(0)) }
        return keys
    }

    /// Every stored payment of the business, in one pass.
    func forEachPayment(_ body: (PaymentRow) -> Void) throws {
        try database.query("SELECT \(Self.columns) FROM payments WHERE business_id = ?", [.text(business)]) {
            body(Self.row($0))
        }
    }

    /// Net and orders per UTC day and currency of the payments with a time in `from..<to`, as
    /// `PaymentContribution` counts them, summed by SQLite: a year of a large business is a
    /// million payments, too many to hand to Swift one by one. (Stripe caps a charge at eight
    /// digits, so no day's sum comes near overflowing.)
    func forEachDailyTotal(from: Int64, to: Int64, _ body: (DailyTotal) -> Void) throws {
        try database.query(
            """
            SELECT time - ((time % 86400) + 86400) % 86400 AS day, currency,
                SUM(MAX(0, gross - refunded - disputed_lost)), SUM(gross - refunded - disputed_lost > 0)
            FROM payments WHERE business_id = ? AND time >= ? AND time < ? AND gross > 0
            GROUP BY day, currency
            """,
            [.text(business), .integer(from), .integer(to)]
        ) { row in
            body(DailyTotal(day: row.int(0), currency: row.text(1), net: row.int(2), orders: row.int(3)))
        }
    }
}
