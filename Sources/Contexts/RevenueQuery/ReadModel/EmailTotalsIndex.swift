/// What the grids read for one business: per normalised email, its totals per currency.
///
/// Emails and currency codes are interned to integer ids and every (email, currency) pair is
/// one `TotalsRow` in a single flat array, chained per email, so 200,000 buyers cost a few
/// megabytes and a lookup is one hash probe. The payments behind the totals live in SQLite.
struct EmailTotalsIndex: Sendable {
    private var emailIDs: [String: Int32] = [:]
    private var emails: [String] = []
    /// Per email id, its first row, or -1 when it has no totals now.
    private var firstRow: [Int32] = []
    private var rows: [TotalsRow] = []
    private var freeRows: [Int32] = []
    private var currencyIDs: [String: UInt16] = [:]
    private var currencies: [String] = []
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

    /// The totals of an email as asked (normalised first); empty when it never paid.
    func totals(forEmail asked: String) -> EmailTotals {
        guard let id = lookup(asked) else {
            return EmailTotals(email: EmailAddress.normalize(asked), byCurrency: [:])
        }
        return totals(ofID: id)
    }

    /// The hot path of the grids: an email's rows, most recent purchase first, with no
    /// dictionary built. `email` is the normalised address, nil when it is not one.
    func currencyRows(forEmail asked: String) -> EmailRows {
        guard let id = lookup(asked) else { return EmailRows(email: EmailAddress.normalize(asked), rows: []) }
        var out: [CurrencyRow] = []
        var row = firstRow[Int(id)]
        while row >= 0 {
            let stored = rows[Int(row)]
            out.append(CurrencyRow(currency: currencies[Int(stored.currency)], totals: stored))
            row = stored.next
        }
        if out.count > 1 {
            out.sort { lhs, rhs in
                lhs.totals.lastPurchaseAt != rhs.totals.lastPurchaseAt
                    ? lhs.totals.lastPurchaseAt > rhs.totals.lastPurchaseAt : lhs.currency < rhs.currency
            }
        }
        return EmailRows(email: emails[Int(id)], rows: out)
    }

    /// Calls `body` with every email that has totals.
    func forEachEmail(_ body: (EmailTotals) throws -> Void) rethrows {
        for id in firstRow.indices where firstRow[id] >= 0 {
            try body(totals(ofID: Int32(id)))
        }
    }

    /// The id of an email as asked: the exact text first (already normalised), else normalised.
    private func lookup(_ asked: String) -> Int32? {
        if let id = emailIDs[asked] { return id }
        guard let normalized = EmailAddress.normalize(asked), normalized != asked else { return nil }
        return emailIDs[normalized]
    }

    private func totals(ofID id: Int32) -> EmailTotals {
        var byCurrency: [String: CurrencyTotals] = [:]
        var row = firstRow[Int(id)]
        while row >= 0 {
            let stored = rows[Int(row)]
            byCurrency[currencies[Int(stored.currency)]] = stored.totals
            row = stored.next
        }
        return EmailTotals(email: emails[Int(id)], byCurrency: byCurrency)
    }

    private mutating func intern(_ email: String) -> Int32 {
        if let id = emailIDs[email] { return id }
        let id = Int32(emails.count)
        emailIDs[email] = id
        emails.append(email)
        firstRow.append(-1)
        return id
    }

    private mutating func internCurrency(_ code: String) -> UInt16 {
        if let id = currencyIDs[code] { return id }
        let id = UInt16(truncatingIfNeeded: currencies.count)
        currencyIDs[code] = id
        currencies.append(code)
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
