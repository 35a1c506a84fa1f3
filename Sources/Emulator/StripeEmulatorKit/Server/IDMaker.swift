import Foundation

/// Makes Stripe-looking random ids (`req_…`, `ac_…`, `evt_…`) that never repeat in a process.
// @unchecked Sendable: the generator state is touched only inside `lock`.
final class IDMaker: @unchecked Sendable {
    private let lock = NSLock()
    private var random: SplitMix64
    private static let alphabet = Array(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    init() {
        let clock = UInt64(Date().timeIntervalSince1970 * 1_000_000)
        random = SplitMix64(seed: clock ^ UInt64(UInt32(truncatingIfNeeded: getpid())) << 40)
    }

    func make(_ prefix: String, length: Int = 24) -> String {
        lock.withLock {
            var characters: [UInt8] = []
            characters.reserveCapacity(length)
            for _ in 0..<length {
                characters.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
            }
            return prefix + String(decoding: characters, as: UTF8.self)
        }
    }
}
