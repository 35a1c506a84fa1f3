import Foundation
import StripeWebhooks

/// Signs event bodies as Stripe signs webhook deliveries: `t=<unix seconds>,v1=<hex>` where
/// the hex is HMAC-SHA256 of `t.body` keyed with the endpoint secret. While a secret is being
/// rolled Stripe signs with every live secret, so each secret adds one `v1`.
struct WebhookSigner: Sendable {
    let secrets: [String]

    /// Nil when no secret is given.
    init?(secrets: [String]) {
        let usable = secrets.filter { !$0.isEmpty }
        guard !usable.isEmpty else { return nil }
        self.secrets = usable
    }

    func header(payload: [UInt8], timestamp: Int64) -> String {
        let prefix = "t=\(timestamp),"
        let signatures = secrets.map {
            String(
                WebhookSignature.header(payload: payload, secret: $0, timestamp: timestamp)
                    .dropFirst(prefix.count))
        }
        return prefix + signatures.joined(separator: ",")
    }

    /// `STRIPE_WEBHOOK_SECRETS` (comma-separated, as the platform reads it), or nil.
    static func fromEnvironment(_ environment: [String: String]) -> WebhookSigner? {
        let listed = environment["STRIPE_WEBHOOK_SECRETS"] ?? ""
        return WebhookSigner(
            secrets: listed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
