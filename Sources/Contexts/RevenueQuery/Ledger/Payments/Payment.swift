/// Money received once, however many Stripe objects describe it.
///
/// `key` is the PaymentIntent id, or a Charge id for a charge without PaymentIntent, or an
/// Invoice id for an invoice paid outside Stripe payments. Amounts are minor units of
/// `currency`.
public struct Payment: Sendable, Equatable {
    public var key: String
    /// Lower-case ISO code; empty when no source named one.
    public var currency: String
    public var gross: Int64
    public var refunded: Int64
    /// Sum of the amounts of lost disputes.
    public var disputedLost: Int64
    /// Normalised email the payment is attributed to; nil when no source carries one.
    public var email: String?
    /// Unix time of the payment, when any source gives one.
    public var time: Int64?
    public var sources: PaymentSources

    /// `max(0, gross − refunded − disputedLost)`.
    public var net: Int64 {
        max(0, gross.saturatingSubtract(refunded).saturatingSubtract(disputedLost))
    }

    /// Money was received and kept: a fully refunded or lost payment is not an order.
    public var isOrder: Bool { gross > 0 && net > 0 }
}
