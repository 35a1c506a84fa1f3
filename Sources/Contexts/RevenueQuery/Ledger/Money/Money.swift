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
    /// grouped by thousands, e.g. 4900 → "49.00", 123456789 → "1,234,567.89". Built from ASCII
    /// digits right to left: the grids format hundreds of these per call.
    static func majorUnits(_ amount: UInt64, decimals: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var rest = amount
        for _ in 0..<decimals {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        if decimals > 0 { bytes.append(UInt8(ascii: ".")) }
        var written = 0
        repeat {
            if written > 0, written % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            written += 1
        } while rest > 0
        bytes.reverse()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: UInt64) -> String {
        majorUnits(value, decimals: 0)
    }

    /// Shorthand for `Money(amount:currency:).display`.
    public static func display(amount: Int64, currency: String) -> String {
        Money(amount: amount, currency: currency).display
    }
}
