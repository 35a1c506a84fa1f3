/// Request ids without a system call per call: a counter from a random start, scrambled by
/// SplitMix64's finaliser so consecutive ids do not look alike. Not for anything secret.
final class RequestIDSource: Sendable {
    static let shared = RequestIDSource()

    private let counter = Locked(UInt64.random(in: .min ... .max))

    func next() -> UInt64 {
        var value = counter.withLock { value in
            value &+= 0x9E37_79B9_7F4A_7C15
            return value
        }
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
