/// Deterministic Stripe-looking ids: a per-account tag, a counter (so ids never collide) and
/// a few characters from the generator's random stream.
struct GeneratorIDs {
    private let tag: String
    private var counter = 0
    private static let alphabet = Array(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    init(accountIndex: Int) {
        tag = "1" + Self.base62(UInt64(accountIndex), width: 2)
    }

    mutating func make(_ prefix: String, _ random: inout SplitMix64) -> String {
        counter += 1
        return prefix + tag + Self.base62(UInt64(counter), width: 6) + Self.base62(random.next(), width: 8)
    }

    static func base62(_ value: UInt64, width: Int) -> String {
        var value = value
        var characters = [UInt8](repeating: alphabet[0], count: width)
        for index in stride(from: width - 1, through: 0, by: -1) {
            characters[index] = alphabet[Int(value % 62)]
            value /= 62
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
