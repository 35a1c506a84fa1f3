/// Writes `ExpectedTotals` with sorted keys, so the same totals always give the same bytes.
enum ExpectedTotalsWriter {
    static func write(_ expected: ExpectedTotals) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 1 << 16)
        writer.appendASCII("{\"accounts\":{")
        for (index, accountID) in expected.accounts.keys.sorted().enumerated() {
            guard let account = expected.accounts[accountID] else { continue }
            writer.appendASCII(index == 0 ? "\n" : ",\n")
            writer.writeString(accountID)
            writer.appendASCII(":{\"emails\":{")
            for (emailIndex, email) in account.emails.keys.sorted().enumerated() {
                writer.appendASCII(emailIndex == 0 ? "\n" : ",\n")
                writer.writeString(email)
                writer.appendASCII(":")
                writeCurrencies(account.emails[email] ?? [:], &writer)
            }
            writer.appendASCII("},\n\"without_email\":")
            writeCurrencies(account.withoutEmail, &writer)
            writer.appendASCII(",\n\"totals\":")
            writeCurrencies(account.totals, &writer)
            writer.appendASCII("}")
        }
        writer.appendASCII("}}\n")
        return writer.output
    }

    private static func writeCurrencies(_ currencies: [String: CurrencyTotals], _ writer: inout JSONWriter) {
        writer.appendASCII("{")
        for (index, currency) in currencies.keys.sorted().enumerated() {
            guard let totals = currencies[currency] else { continue }
            if index > 0 { writer.appendASCII(",") }
            writer.writeString(currency)
            writer.appendASCII(":")
            writer.write(
                .object(
                    JSONObject([
                        ("disputed", .int(totals.disputed)),
                        ("gross", .int(totals.gross)),
                        ("last_purchase_at", totals.lastPurchaseAt.map { .int($0) } ?? .null),
                        ("orders", .int(totals.orders)),
                        ("refunded", .int(totals.refunded)),
                        ("spent", .int(totals.spent)),
                    ])
                )
            )
        }
        writer.appendASCII("}")
    }
}
