/// What a correct revenue pipeline must report for a generated dataset, computed from the
/// generator's own record of each purchase (never by reading the Stripe objects back).
public struct ExpectedTotals: Codable, Equatable, Sendable {
    public var accounts: [String: AccountTotals]

    public init(accounts: [String: AccountTotals] = [:]) {
        self.accounts = accounts
    }

    /// Sums a list of purchases per account, buyer email and currency.
    init(records: [PurchaseRecord]) {
        var accounts: [String: AccountTotals] = [:]
        for record in records where record.collected > 0 {
            accounts[record.account, default: AccountTotals()].add(record)
        }
        self.accounts = accounts
    }

    /// Deterministic JSON (sorted keys, one email per line).
    public func encodedJSON() -> [UInt8] {
        ExpectedTotalsWriter.write(self)
    }
}

/// One account's expectations.
public struct AccountTotals: Codable, Equatable, Sendable {
    /// Trimmed, lower-cased email → currency → totals.
    public var emails: [String: [String: CurrencyTotals]] = [:]
    /// Purchases with no email anywhere, per currency.
    public var withoutEmail: [String: CurrencyTotals] = [:]
    /// Every purchase, per currency.
    public var totals: [String: CurrencyTotals] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case emails
        case withoutEmail = "without_email"
        case totals
    }

    mutating func add(_ record: PurchaseRecord) {
        if let email = record.buyerEmail {
            emails[email, default: [:]][record.currency, default: CurrencyTotals()].add(record)
        } else {
            withoutEmail[record.currency, default: CurrencyTotals()].add(record)
        }
        totals[record.currency, default: CurrencyTotals()].add(record)
    }
}

/// Money in one currency, in minor units (whole yen for jpy).
public struct CurrencyTotals: Codable, Equatable, Sendable {
    /// Collected − refunded − lost disputes, each purchase floored at 0.
    public var spent: Int64 = 0
    /// Purchases whose spent is above 0.
    public var orders: Int = 0
    /// Amount collected before refunds and disputes.
    public var gross: Int64 = 0
    public var refunded: Int64 = 0
    /// Amounts lost to disputes.
    public var disputed: Int64 = 0
    /// The latest `created` of the succeeded charge among the orders; nil without orders.
    public var lastPurchaseAt: Int64?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case spent, orders, gross, refunded, disputed
        case lastPurchaseAt = "last_purchase_at"
    }

    mutating func add(_ record: PurchaseRecord) {
        gross += record.collected
        refunded += record.refunded
        disputed += record.disputedLost
        let net = record.net
        guard net > 0 else { return }
        spent += net
        orders += 1
        lastPurchaseAt = max(lastPurchaseAt ?? .min, record.chargeCreated)
    }
}
