extension JSONValue {
    /// `.int(number)` or `.null` when `number` is nil, as Stripe writes unset timestamps.
    static func optional(_ number: Int64?) -> JSONValue {
        number.map { .int($0) } ?? .null
    }
}
