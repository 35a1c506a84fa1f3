import Foundation
import StripeEmulatorKit

/// Compares the demo's figures with the totals the dataset generator computed from what it
/// built, independently of the services.
struct ExpectedCheck {
    /// Currency → (spent, orders) for the whole account.
    let totals: [String: (Int64, Int64)]

    init(expected: ExpectedTotals, account: String) throws {
        guard let entry = expected.accounts[account] else {
            throw UsageError("the generator's totals have no account \(account)")
        }
        totals = entry.totals.mapValues { ($0.spent, Int64($0.orders)) }
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
