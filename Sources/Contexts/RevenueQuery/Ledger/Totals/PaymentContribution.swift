/// What one payment adds to its email's totals: the compact form the roll-up keeps per key.
public struct PaymentContribution: Sendable, Equatable {
    public var email: String?
    public var currency: String
    public var gross: Int64
    public var refunded: Int64
    public var disputedLost: Int64
    public var time: Int64?

    public init(_ payment: Payment) {
        email = payment.email
        currency = payment.currency
        gross = payment.gross
        refunded = payment.refunded
        disputedLost = payment.disputedLost
        time = payment.time
    }

    public var net: Int64 {
        max(0, gross.saturatingSubtract(refunded).saturatingSubtract(disputedLost))
    }

    public var isOrder: Bool { gross > 0 && net > 0 }
}

extension CurrencyTotals {
    /// Adds one payment's contribution, as `add(_ payment:)` does.
    public mutating func add(_ contribution: PaymentContribution) {
        spent = spent.saturatingAdd(contribution.net)
        gross = gross.saturatingAdd(contribution.gross)
        refunded = refunded.saturatingAdd(contribution.refunded)
        disputedLost = disputedLost.saturatingAdd(contribution.disputedLost)
        guard contribution.isOrder else { return }
        orders += 1
        if let time = contribution.time {
            lastPurchaseAt = max(lastPurchaseAt ?? time, time)
        }
    }
}
