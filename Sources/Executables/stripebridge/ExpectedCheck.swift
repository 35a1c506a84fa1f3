import Foundation

/// Compares the demo's figures with the totals the dataset generator computed from what it
/// built, independently of the services.
struct ExpectedCheck {
    /// Currency → (spent, orders) for the whole account.
    let totals: [String: (Int64, Int64)]

    init(path: String, account: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let accounts = root?["accounts"] as? [String: Any], let entry = accounts[account] as? [String: Any],
            let totals = entry["totals"] as? [String: Any]
        else { throw UsageError("\(path) has no totals for \(account)") }
        var out: [String: (Int64, Int64)] = [:]
        for (currency, value) in totals {
            let row = value as? [String: Any] ?? [:]
            out[currency] = (Int64(row["spent"] as? Int ?? -1), Int64(row["orders"] as? Int ?? -1))
        }
        self.totals = out
    }

    func matches(_ report: RevenueReport) -> Bool {
        let reported = Dictionary(uniqueKeysWithValues: report.totals.map { ($0.currency, ($0.spent, $0.orders)) })
        return reported.count == totals.count
            && totals.allSatisfy { currency, expected in
                reported[currency].map { $0 == expected } ?? false
            }
    }

    func compare(with report: RevenueReport) -> String {
        matches(report)
            ? "\nCheck: every currency's spent and orders equal the generator's own totals."
            : "\nCheck FAILED: generator totals \(totals) differ from the services' figures."
    }
}
