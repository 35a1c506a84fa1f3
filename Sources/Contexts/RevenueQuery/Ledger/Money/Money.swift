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

    /// Symbols for the currencies shown with one; all others are shown as `12.34 CHF`.
    static let symbols: [String: String] = ["usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"]

    /// The amount for people: `$49.00`, `¥500`, `€1,025.00`, `12.345 KWD`, `-$1.50`.
    public var display: String {
        let decimals = CurrencyExponent.decimals(for: currency)
        let digits = Self.majorUnits(amount.magnitude, decimals: decimals)
        let sign = amount < 0 ? "-" : ""
        if let symbol = Self.symbols[currency] {
            return sign + symbol + digits
        }
        let code = currency.uppercased()
        return code.isEmpty ? sign + digits : "\(sign)\(digits) \(code)"
    }

    /// Formats `amount` minor units with `decimals` digits after the point and the whole units
    /// grouped by thousands, e.g. 4900 → "49.00", 123456789 → "1,234,567.89".
    static func majorUnits(_ amount: UInt64, decimals: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = grouped(amount / scale)
        guard decimals > 0 else { return whole }
        let fraction = String(amount % scale)
        let padding = String(repeating: "0", count: decimals - fraction.count)
        return "\(whole).\(padding)\(fraction)"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Shorthand for `Money(amount:currency:).display`.
    public static func display(amount: Int64, currency: String) -> String {
        Money(amount: amount, currency: currency).display
    }
}
