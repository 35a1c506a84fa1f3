/// The per-email, per-currency roll-up of one ledger, kept up to date one payment key at a
/// time: each key's contribution is held, and a change re-adds only the keys it touched.
///
/// Adding is incremental; when a contribution leaves a group (an email, or the payments
/// without one) that group is summed again from its own keys, since a latest purchase time
/// cannot be subtracted. The result always equals `LedgerTotals(payments: ledger.payments())`.
public struct LedgerRollup: Sendable {
    public private(set) var contributions: [String: PaymentContribution] = [:]
    public private(set) var byEmail: [String: [String: CurrencyTotals]] = [:]
    public private(set) var withoutEmail: [String: CurrencyTotals] = [:]
    /// Normalised email → payment keys; the payments without an email are under "".
    private(set) var keysByEmail: [String: [String]] = [:]
    /// Customer id → keys whose email may come from that customer.
    private var keysByCustomer = LinkIndex()
    private var customersByKey: [String: [String]] = [:]

    public init() {}

    /// The roll-up of every payment of a ledger, built in one pass.
    public init(ledger: AccountLedger) {
        for payment in ledger.payments() {
            insert(payment, customers: ledger.customerIDs(of: payment))
        }
    }

    /// The keys a change of these facts touches, customers' payments included.
    public func affectedKeys(of facts: StripeObjectFacts, in ledger: AccountLedger) -> Set<String> {
        guard case .customer(let customer) = facts else { return ledger.affectedKeys(of: facts) }
        return Set(keysByCustomer[customer.id])
    }

    /// Recomputes the payments of `keys` from `ledger` and updates every total they reach.
    public mutating func refresh(keys: Set<String>, from ledger: AccountLedger) {
        guard !keys.isEmpty else { return }
        let payments = ledger.payments(forKeys: keys)
        var shrunk: Set<String> = []
        for key in keys {
            if let old = contributions[key] {
                let new = payments[key].map(PaymentContribution.init)
                if new == old {
                    relinkCustomers(key, payments[key].map(ledger.customerIDs(of:)) ?? [])
                    continue
                }
                shrunk.insert(old.email ?? "")
                removeKey(key, email: old.email ?? "")
            }
            if let payment = payments[key] {
                insert(payment, customers: ledger.customerIDs(of: payment))
            }
        }
        shrunk.forEach { resum(group: $0) }
    }

    /// The totals of one email, normalised first; empty when it never paid.
    public func totals(forEmail email: String) -> EmailTotals {
        guard let normalized = EmailAddress.normalize(email) else { return EmailTotals(email: nil, byCurrency: [:]) }
        return EmailTotals(email: normalized, byCurrency: byEmail[normalized] ?? [:])
    }

    /// The payment keys attributed to a normalised email.
    public func keys(forEmail email: String) -> [String] {
        email.isEmpty ? [] : keysByEmail[email] ?? []
    }

    /// The totals as the batch roll-up type, for comparisons.
    public var ledgerTotals: LedgerTotals {
        var totals = LedgerTotals(payments: [])
        totals.byEmail = byEmail
        totals.withoutEmail = withoutEmail
        return totals
    }

    private mutating func insert(_ payment: Payment, customers: Set<String>) {
        let contribution = PaymentContribution(payment)
        contributions[payment.key] = contribution
        keysByEmail[contribution.email ?? "", default: []].append(payment.key)
        if let email = contribution.email {
            byEmail[email, default: [:]][contribution.currency, default: CurrencyTotals()].add(contribution)
        } else {
            withoutEmail[contribution.currency, default: CurrencyTotals()].add(contribution)
        }
        relinkCustomers(payment.key, customers)
    }

    private mutating func removeKey(_ key: String, email: String) {
        contributions[key] = nil
        keysByEmail[email]?.removeAll { $0 == key }
        if keysByEmail[email]?.isEmpty == true { keysByEmail[email] = nil }
        relinkCustomers(key, [])
    }

    private mutating func relinkCustomers(_ key: String, _ customers: Set<String>) {
        let old = customersByKey[key] ?? []
        guard Set(old) != customers else { return }
        old.forEach { keysByCustomer.remove(key, under: $0) }
        customers.forEach { keysByCustomer.insert(key, under: $0) }
        customersByKey[key] = customers.isEmpty ? nil : customers.sorted()
    }

    private mutating func resum(group email: String) {
        var totals: [String: CurrencyTotals] = [:]
        for key in keysByEmail[email] ?? [] {
            guard let contribution = contributions[key] else { continue }
            totals[contribution.currency, default: CurrencyTotals()].add(contribution)
        }
        if email.isEmpty {
            withoutEmail = totals
        } else {
            byEmail[email] = totals.isEmpty ? nil : totals
        }
    }
}
