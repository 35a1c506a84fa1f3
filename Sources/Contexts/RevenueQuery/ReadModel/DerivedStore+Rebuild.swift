import BridgeStore

extension DerivedStore {
    /// Derives every table from the stored objects of the business, for a file written before
    /// the derived tables existed. Holds the whole ledger in memory once; returns how many
    /// stored objects could not be read.
    func rebuild() throws -> Int {
        var undecodable = 0
        try database.transaction {
            try purge()
            var ledger = AccountLedger()
            try database.query("SELECT object_type, json FROM objects WHERE business_id = ?", [.text(business)]) {
                row in
                do {
                    guard let facts = try StripeObjectFacts.decode(objectType: row.text(0), json: row.blob(1)) else {
                        return
                    }
                    ledger.upsert(facts)
                } catch {
                    undecodable += 1
                }
            }
            try ledger.customers.values.forEach(write(customer:))
            try ledger.paymentIntents.values.forEach { try insertLinks(of: .paymentIntent($0)) }
            try ledger.charges.values.forEach { try insertLinks(of: .charge($0)) }
            try ledger.invoices.values.forEach { try insertLinks(of: .invoice($0)) }
            try ledger.invoicePayments.values.forEach { try insertLinks(of: .invoicePayment($0)) }
            try ledger.checkoutSessions.values.forEach { try insertLinks(of: .checkoutSession($0)) }
            try ledger.refunds.values.forEach { try insertLinks(of: .refund($0)) }
            try ledger.disputes.values.forEach { try insertLinks(of: .dispute($0)) }
            for payment in ledger.payments() { try write(PaymentRow(payment), forKey: payment.key) }
            try database.execute("UPDATE businesses SET derived = 1 WHERE business_id = ?", [.text(business)])
        }
        return undecodable
    }
}
