import BridgeLog
import BridgeStore
import Contracts
import Foundation
import LocalCluster
import TestSupport
import XCTest

/// Small builders and probes shared by the SyncEngine end-to-end tests.
enum SyncTestKit {
    static let account = "acct_sync"
    static var now: Int { Int(Date().timeIntervalSince1970) }

    static func customer(_ id: String, email: String, created: Int) -> String {
        #"{"id":"\#(id)","object":"customer","email":"\#(email)","created":\#(created)}"#
    }

    /// A succeeded PaymentIntent and its captured charge.
    static func payment(
        _ suffix: String, amount: Int, currency: String = "usd", customer: String, created: Int, refunded: Int = 0
    ) -> (pi: String, charge: String) {
        let pi = #"""
            {"id":"pi_\#(suffix)","object":"payment_intent","status":"succeeded","amount":\#(amount),
             "amount_received":\#(amount),"currency":"\#(currency)","customer":"\#(customer)",
             "latest_charge":"ch_\#(suffix)","created":\#(created)}
            """#
        let charge = #"""
            {"id":"ch_\#(suffix)","object":"charge","status":"succeeded","captured":true,"paid":true,
             "amount":\#(amount),"amount_captured":\#(amount),"amount_refunded":\#(refunded),
             "refunded":\#(refunded >= amount ? "true" : "false"),"currency":"\#(currency)",
             "customer":"\#(customer)","payment_intent":"pi_\#(suffix)","billing_details":{"email":null},
             "created":\#(created)}
            """#
        return (pi, charge)
    }

    static func dataset(
        customers: [String], paymentIntents: [String] = [], charges: [String] = [], invoices: [String] = []
    ) -> String {
        """
        {"oauth": {"default_account": "\(account)"},
         "accounts": {"\(account)": {
           "account": {"id": "\(account)", "object": "account", "business_profile": {"name": "Sync Shop"}},
           "customers": [\(customers.joined(separator: ","))],
           "payment_intents": [\(paymentIntents.joined(separator: ","))],
           "charges": [\(charges.joined(separator: ","))],
           "invoices": [\(invoices.joined(separator: ","))]
         }}}
        """
    }

    /// Opens a service's SQLite file beside the running service, to look at its rows.
    static func database(_ cluster: LocalCluster, _ service: String) throws -> Database {
        try Database(path: cluster.databasePath(service), logger: Logger(label: "test", level: .error))
    }

    static func count(_ cluster: LocalCluster, _ service: String, _ sql: String, _ args: [SQLValue] = []) throws
        -> Int64
    {
        let database = try database(cluster, service)
        defer { database.close() }
        return try database.queryOne(sql, args) { $0.int(0) } ?? -1
    }

    static func lastSuccess(_ cluster: LocalCluster, business: String) throws -> Int64? {
        let database = try database(cluster, "sync_engine")
        defer { database.close() }
        return try database.queryOne(
            "SELECT last_success_started_at FROM links WHERE business_id = ?", [.text(business)]
        ) { $0.optionalInt(0) } ?? nil
    }

    static func control(_ cluster: LocalCluster) -> EmulatorControl {
        EmulatorControl(baseURL: cluster.stripeBase)
    }

    /// The figures of one email and currency, through the grid lookup.
    static func total(_ flow: DemoFlow, business: String, email: String, currency: String) throws
        -> RevenueV1.CurrencyTotal?
    {
        try flow.summaries(business: business, emails: [email]).summaries.first?.totals.first {
            $0.currency == currency
        }
    }
}
