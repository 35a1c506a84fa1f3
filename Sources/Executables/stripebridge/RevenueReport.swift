import Contracts
import Foundation
import LocalCluster

/// What the demo prints: per currency the business's totals and top customers, then a batch
/// lookup of a few emails as a grid would ask for them.
struct RevenueReport {
    let totals: [RevenueV1.CurrencyTotal]
    let withoutEmail: [RevenueV1.CurrencyTotal]
    let topByCurrency: [(String, [RevenueV1.EmailSummary])]
    let lookup: RevenueV1.SummaryByEmailsResponse

    init(flow: DemoFlow, business: String) throws {
        let overview = try flow.topCustomers(business: business, currency: "", limit: 1)
        totals = overview.totals
        withoutEmail = overview.withoutEmail
        topByCurrency = try overview.totals.map { total in
            (total.currency, try flow.topCustomers(business: business, currency: total.currency, limit: 5).customers)
        }
        var emails = topByCurrency.compactMap { $0.1.first?.email }
        if let first = emails.first { emails.append("  " + first.uppercased() + " ") }
        emails.append("nobody@example.com")
        lookup = try flow.summaries(business: business, emails: emails)
    }

    func render() -> String {
        var lines = ["", "Revenue by currency (spent is net of refunds and lost disputes):"]
        for total in totals {
            lines.append(
                "  \(total.currency.uppercased())  spent \(total.display)  orders \(total.orders)"
                    + "  (minor units: gross \(total.gross), refunded \(total.refunded),"
                    + " lost in disputes \(total.disputedLost))")
        }
        for total in withoutEmail where total.gross > 0 {
            lines.append("  of which without any email: \(total.display) in \(Self.orders(total.orders))")
        }
        for (currency, customers) in topByCurrency {
            lines += ["", "Top customers in \(currency.uppercased()):"]
            for (rank, customer) in customers.enumerated() {
                let row = customer.totals.first { $0.currency == currency }
                let padded = customer.email.padding(toLength: 34, withPad: " ", startingAt: 0)
                lines.append("  \(rank + 1). \(padded) \(row?.display ?? "-")  \(Self.orders(row?.orders ?? 0))")
            }
        }
        lines += ["", "Grid batch lookup (SummaryByEmails, the Stripe Spent / Stripe Orders columns):"]
        for summary in lookup.summaries {
            let shown = summary.totals.first.map { "\($0.display), \(Self.orders(summary.orders))" } ?? "no Stripe data"
            let others = summary.totals.count - 1
            let more = others > 0 ? " (+\(others) more \(others == 1 ? "currency" : "currencies"))" : ""
            lines.append("  \"\(summary.email)\" → \(shown)\(more)")
        }
        return lines.joined(separator: "\n")
    }

    static func orders(_ count: Int64) -> String {
        count == 1 ? "1 order" : "\(count) orders"
    }
}
