/// What the grids read for one business: per normalised email, its totals per currency.
///
/// Emails and currency codes are interned to integer ids and every (email, currency) pair is
/// one `TotalsRow` in a single flat array, chained per email, so 200,000 buyers cost a few
/// megabytes and a lookup is one hash probe. The payments behind the totals live in SQLite.
struct EmailTotalsIndex: Sendable {
    private var emails = EmailDirectory()
    /// Per email id, its first row, or -1 when it has no totals now.
    private var firstRow: [Int32] = []
    private var rows: [TotalsRow] = []
    private var freeRows: [Int32] = []
    private var currencyIDs: [String: UInt16] = [:]
    private var currencies: [String] = []
    private var formats: [CurrencyFormat] = []
    /// Currency → totals of the payments without an email.
    private(set) var withoutEmail: [String: CurrencyTotals] = [:]

    /// Adds one payment to its email's totals (the start-up path).
    mutating func add(_ payment: PaymentRow) {
        guard !payment.email.isEmpty else {
            withoutEmail[payment.currency, default: CurrencyTotals()].add(payment)
            return
        }
        let email = intern(payment.email)
        let currency = internCurrency(payment.currency)
        var row = firstRow[Int(email)]
        while row >= 0, rows[Int(row)].currency != currency { row = rows[Int(row)].next }
        if row < 0 {
            row = allocate(TotalsRow(currency: currency, totals: CurrencyTotals(), next: firstRow[Int(email)]))
            firstRow[Int(email)] = row
        }
        var totals = rows[Int(row)].totals
        totals.add(payment)
        let next = rows[Int(row)].next
        rows[Int(row)] = TotalsRow(currency: currency, totals: totals, next: next)
    }

    /// Replaces the totals of one email ("" for the payments without one).
    mutating func replace(email: String, with totals: [String: CurrencyTotals]) {
        guard !email.isEmpty else {
            withoutEmail = totals
            return
        }
        let id = intern(email)
        var row = firstRow[Int(id)]
        while row >= 0 {
            freeRows.append(row)
            row = rows[Int(row)].next
        }
        firstRow[Int(id)] = -1
        for (code, total) in totals {
            let row = allocate(TotalsRow(currency: internCurrency(code), totals: total, next: firstRow[Int(id)]))
            firstRow[Int(id)] = row
        }
    }

    /// The hot path of the grids: calls `body` with each stored row of an email as asked (in
    /// no particular order), its currency and that currency's format, building nothing. Returns
    /// the normalised address, nil when the text asked is not one.
    func forEachRow(
        ofEmail asked: String, _ body: (TotalsRow, String, CurrencyFormat) -> Void
    ) -> String? {
        guard let id = lookup(asked) else { return EmailAddress.normalize(asked) }
        forEachRow(ofID: id, body)
        return emails.address(id)
    }

    /// Each stored row of the email `id`, in no particular order, with its currency and format.
    func forEachRow(ofID id: Int32, _ body: (TotalsRow, String, CurrencyFormat) -> Void) {
        var row = firstRow[Int(id)]
        while row >= 0 {
            let stored = rows[Int(row)]
            body(stored, currencies[Int(stored.currency)], formats[Int(stored.currency)])
            row = stored.next
        }
    }

    /// The id of every email that has totals now; rankings walk these instead of building
    /// an `EmailTotals` per email.
    func forEachEmailID(_ body: (Int32) throws -> Void) rethrows {
        for id in firstRow.indices where firstRow[id] >= 0 { try body(Int32(id)) }
    }

    /// The currency with the most orders (ties: the alphabetically first); nil without any.
    func mainCurrency() -> String? {
        var orders = [Int64](repeating: 0, count: currencies.count)
        for row in rows { orders[Int(row.currency)] += Int64(row.orders) }
        // Rows on the free list hold stale figures: take them back out.
        for free in freeRows { orders[Int(rows[Int(free)].currency)] -= Int64(rows[Int(free)].orders) }
        return currencies.indices
            .filter { orders[$0] > 0 }
            .min { orders[$0] != orders[$1] ? orders[$0] > orders[$1] : currencies[$0] < currencies[$1] }
            .map { currencies[$0] }
    }

    /// The normalised address of the email `id`.
    func email(ofID id: Int32) -> String { emails.address(id) }

    /// The id of an email as asked: the exact text first (already normalised), else normalised.
    private func lookup(_ asked: String) -> Int32? {
        if let id = emails.id(of: asked) { return id }
        guard let normalized = EmailAddress.normalize(asked), normalized != asked else { return nil }
        return emails.id(of: normalized)
    }

    private mutating func intern(_ email: String) -> Int32 {
        let id = emails.intern(email)
        if Int(id) == firstRow.count { firstRow.append(-1) }
        return id
    }

    private mutating func internCurrency(_ code: String) -> UInt16 {
        if let id = currencyIDs[code] { return id }
        let id = UInt16(truncatingIfNeeded: currencies.count)
        currencyIDs[code] = id
        currencies.append(code)
        formats.append(CurrencyFormat(currency: code))
        return id
    }

    private mutating func allocate(_ row: TotalsRow) -> Int32 {
        if let free = freeRows.popLast() {
            rows[Int(free)] = row
            return free
        }
        rows.append(row)
        return Int32(rows.count - 1)
    }
}
