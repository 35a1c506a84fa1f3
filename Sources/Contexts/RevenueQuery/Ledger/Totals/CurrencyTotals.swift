/// What one buyer (or the buyers without an email) paid in one currency, in its minor unit.
public struct CurrencyTotals: Sendable, Equatable {
    /// Sum of net amounts: money collected less refunds and lost disputes.
    public var spent: Int64 = 0
    /// Payments whose money was kept (net > 0).
    public var orders: Int = 0
    public var gross: Int64 = 0
    public var refunded: Int64 = 0
    public var disputedLost: Int64 = 0
    /// Latest time over the orders; nil when there are none or none has a time.
    public var lastPurchaseAt: Int64?

    public init() {}

    public mutating func add(_ payment: Payment) {
        add(PaymentContribution(payment))
    }
}
