/// The per-email, per-currency roll-up of one business's payments.
public struct LedgerTotals: Sendable, Equatable {
    /// Normalised email → currency → totals.
    public var byEmail: [String: [String: CurrencyTotals]] = [:]
    /// Currency → totals of the payments no email could be attributed to.
    public var withoutEmail: [String: CurrencyTotals] = [:]

    public init(payments: [Payment]) {
        for payment in payments {
            if let email = payment.email {
                byEmail[email, default: [:]][payment.currency, default: CurrencyTotals()].add(payment)
            } else {
                withoutEmail[payment.currency, default: CurrencyTotals()].add(payment)
            }
        }
    }

    /// The totals of one email, normalised first; empty when it never paid this business.
    public func totals(forEmail email: String) -> EmailTotals {
        guard let normalized = EmailAddress.normalize(email) else {
            return EmailTotals(email: nil, byCurrency: [:])
        }
        return EmailTotals(email: normalized, byCurrency: byEmail[normalized] ?? [:])
    }
}
