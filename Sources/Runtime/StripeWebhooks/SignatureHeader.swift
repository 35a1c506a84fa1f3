import BridgeCrypto

/// The parts of a `Stripe-Signature` header that matter: the timestamp and every `v1` value.
struct SignatureHeader {
    var timestamp: Int64
    var v1: [[UInt8]]

    /// Splits on `,` then on the first `=`; unknown schemes (such as `v0`) are skipped and
    /// `v1` values that are not hex are dropped, so they can never match.
    static func parse(_ header: String) throws(WebhookSignature.Rejection) -> SignatureHeader {
        var timestamp: Int64?
        var v1: [[UInt8]] = []
        for item in header.split(separator: ",") {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let key = item[..<equals].trimmingSpaces
            let value = item[item.index(after: equals)...].trimmingSpaces
            switch key {
            case "t": timestamp = Int64(value)
            case "v1": if let bytes = Hex.decode(value), bytes.count == 32 { v1.append(bytes) }
            default: continue
            }
        }
        guard let timestamp else { throw .malformedHeader }
        return SignatureHeader(timestamp: timestamp, v1: v1)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
