import Foundation
import StripeEmulatorKit

/// Computes revenue totals from one dataset account's Stripe objects, following the documented
/// rule (one payment per succeeded PaymentIntent; email from customer, then checkout session,
/// invoice, billing details, receipt). Independent of the generator's own bookkeeping.
struct GeneratedDataDerivation {
    let account: [String: Any]

    private func objects(_ key: String) -> [[String: Any]] {
        account[key] as? [[String: Any]] ?? []
    }

    private func index(_ key: String, by field: String) -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for object in objects(key) {
            if let value = object[field] as? String { result[value] = object }
        }
        return result
    }

    func totals() throws -> AccountTotals {
        let customers = index("customers", by: "id")
        let charges = index("charges", by: "id")
        let invoices = index("invoices", by: "id")
        let sessionsByIntent = index("checkout_sessions", by: "payment_intent")
        let sessionsByInvoice = index("checkout_sessions", by: "invoice")
        var invoiceByIntent: [String: String] = [:]
        for payment in objects("invoice_payments") where payment["status"] as? String == "paid" {
            if let intent = (payment["payment"] as? [String: Any])?["payment_intent"] as? String {
                invoiceByIntent[intent] = payment["invoice"] as? String
            }
        }
        var lostByCharge: [String: Int64] = [:]
        for dispute in objects("disputes") where dispute["status"] as? String == "lost" {
            lostByCharge[dispute["charge"] as? String ?? "", default: 0] += Self.int(dispute["amount"])
        }
        var totals = AccountTotals()
        for intent in objects("payment_intents") where intent["status"] as? String == "succeeded" {
            let intentID = intent["id"] as? String ?? ""
            let charge = charges[intent["latest_charge"] as? String ?? ""] ?? [:]
            let invoice = invoiceByIntent[intentID].flatMap { invoices[$0] }
            let session =
                sessionsByIntent[intentID] ?? (invoice?["id"] as? String).flatMap { sessionsByInvoice[$0] }
            let customerID = (intent["customer"] as? String) ?? (session?["customer"] as? String)
            let candidates: [Any?] = [
                customerID.flatMap { customers[$0]?["email"] },
                (session?["customer_details"] as? [String: Any])?["email"],
                invoice?["customer_email"],
                (charge["billing_details"] as? [String: Any])?["email"],
                intent["receipt_email"], charge["receipt_email"],
            ]
            let email = candidates.lazy.compactMap { $0 as? String }
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
                .first { !$0.isEmpty }
            let currency = intent["currency"] as? String ?? "?"
            let gross = Self.int(intent["amount_received"])
            let refunded = Self.int(charge["amount_refunded"])
            let lost = lostByCharge[charge["id"] as? String ?? ""] ?? 0
            let add = { (entry: inout CurrencyTotals) in
                entry.gross += gross
                entry.refunded += refunded
                entry.disputed += lost
                let net = max(0, gross - refunded - lost)
                guard net > 0 else { return }
                entry.spent += net
                entry.orders += 1
                entry.lastPurchaseAt = max(entry.lastPurchaseAt ?? .min, Self.int(charge["created"]))
            }
            if let email {
                add(&totals.emails[email, default: [:]][currency, default: CurrencyTotals()])
            } else {
                add(&totals.withoutEmail[currency, default: CurrencyTotals()])
            }
            add(&totals.totals[currency, default: CurrencyTotals()])
        }
        return totals
    }

    private static func int(_ value: Any?) -> Int64 {
        (value as? NSNumber)?.int64Value ?? 0
    }
}
