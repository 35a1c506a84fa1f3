/// An amount in a currency's minor unit (cents, yen, fils), as Stripe sends it.
///
/// Display uses integer arithmetic only; money code here never touches floating point.
public struct Money: Sendable, Hashable {
    public var amount: Int64
    /// Lower-case ISO code, e.g. `"usd"`.
    public var currency: String

    public init(amount: Int64, currency: String) {
        self.amount = amount
        // Stripe's codes are already lower case; lower-casing allocates, so only when needed.
        self.currency = currency.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? currency.lowercased() : currency
    }

    /// The amount for people: `$49.00`, `¥500`, `€1,025.00`, `12.345 KWD`, `-$1.50`.
    public var display: String { CurrencyFormat(currency: currency).display(amount) }

    /// Shorthand for `Money(amount:currency:).display`.
    public static func display(amount: Int64, currency: String) -> String {
        Money(amount: amount, currency: currency).display
    }
}
