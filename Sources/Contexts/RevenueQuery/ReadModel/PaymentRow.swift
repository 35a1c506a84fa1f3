/// One payment as the `payments` table keeps it: what it adds to its email's totals.
struct PaymentRow: Sendable, Equatable {
    /// Normalised email; empty for a payment no email could be attributed to.
    var email: String
    var currency: String
    var gross: Int64
    var refunded: Int64
    var disputedLost: Int64
    var time: Int64?

    init(email: String, currency: String, gross: Int64, refunded: Int64, disputedLost: Int64, time: Int64?) {
        self.email = email
        self.currency = currency
        self.gross = gross
        self.refunded = refunded
        self.disputedLost = disputedLost
        self.time = time
    }

    init(_ payment: Payment) {
        self.init(
            email: payment.email ?? "", currency: payment.currency, gross: payment.gross,
            refunded: payment.refunded, disputedLost: payment.disputedLost, time: payment.time
        )
    }

    /// What the row adds to its email's totals.
    var contribution: PaymentContribution {
        PaymentContribution(
            Payment(
                key: "", currency: currency, gross: gross, refunded: refunded, disputedLost: disputedLost,
                email: email.isEmpty ? nil : email, time: time, sources: PaymentSources())
        )
    }
}

extension CurrencyTotals {
    /// Adds one stored payment, as `add(_ payment:)` does.
    mutating func add(_ row: PaymentRow) {
        add(row.contribution)
    }
}
