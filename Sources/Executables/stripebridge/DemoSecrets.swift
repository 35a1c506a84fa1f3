import Foundation

/// Secrets for a demo run: taken from the environment when set, otherwise made up for this run
/// only (the emulator accepts whatever key it is started with). Never written to a file.
enum DemoSecrets {
    static func environment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        func fill(_ name: String, _ prefix: String) {
            if (env[name] ?? "").isEmpty {
                env[name] = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "")
            }
        }
        fill("STRIPE_SECRET_KEY", "sk_test_demo")
        fill("STRIPE_CONNECT_CLIENT_ID", "ca_demo")
        fill("STRIPEBRIDGE_STATE_KEY", "state_")
        fill("STRIPEBRIDGE_GRANT_KEY", "grant_")
        fill("STRIPE_WEBHOOK_SECRETS", "whsec_")
        fill("STRIPE_CONNECT_WEBHOOK_SECRET", "whsec_")
        return env
    }
}
