/// How one currency's amounts are written for people, worked out once per currency so the
/// grids' hot path only writes digits: `$49.00`, `¥500`, `€1,025.00`, `12.345 KWD`, `-$1.50`.
struct CurrencyFormat: Sendable {
    /// Symbols for the currencies shown with one; all others are shown as `12.34 CHF`.
    private static let symbols: [String: String] = ["usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"]

    let decimals: Int
    /// Written before the digits (after a minus sign), e.g. `$`.
    private let prefix: [UInt8]
    /// Written after the digits, e.g. ` KWD`.
    private let suffix: [UInt8]

    /// `currency` is a lower-case ISO code; an empty one gives bare digits.
    init(currency: String) {
        decimals = CurrencyExponent.decimals(for: currency)
        if let symbol = Self.symbols[currency] {
            prefix = Array(symbol.utf8)
            suffix = []
        } else {
            prefix = []
            suffix = currency.isEmpty ? [] : Array((" " + currency.uppercased()).utf8)
        }
    }

    /// `amount` minor units with the currency's decimals, whole units grouped by thousands.
    /// Integer arithmetic only, written right to left into one buffer.
    func display(_ amount: Int64) -> String {
        // 20 digits, 6 group commas, a point, a sign.
        let capacity = 28 + prefix.count + suffix.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            for byte in suffix.reversed() { put(byte) }
            var rest = amount.magnitude
            for _ in 0..<decimals {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            if decimals > 0 { put(UInt8(ascii: ".")) }
            var written = 0
            repeat {
                if written > 0, written % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
                written += 1
            } while rest > 0
            for byte in prefix.reversed() { put(byte) }
            if amount < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
