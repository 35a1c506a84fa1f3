/// How many decimals a currency's minor unit has, as Stripe counts them
/// (https://docs.stripe.com/currencies).
///
/// ISK is deliberately absent from the zero-decimal list: Stripe keeps it two-decimal in the API.
public enum CurrencyExponent {
    static let zeroDecimal: Set<String> = [
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
        "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    ]
    static let threeDecimal: Set<String> = ["bhd", "jod", "kwd", "omr", "tnd"]

    /// 0, 2 or 3 for a currency code in any case; unknown codes count as 2.
    public static func decimals(for currency: String) -> Int {
        let code = currency.lowercased()
        if zeroDecimal.contains(code) { return 0 }
        if threeDecimal.contains(code) { return 3 }
        return 2
    }
}
