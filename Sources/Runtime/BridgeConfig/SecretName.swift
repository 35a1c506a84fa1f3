/// The environment variables that carry secrets; the raw value is the variable name.
public enum SecretName: String, Sendable, CaseIterable {
    /// The platform's Stripe secret key (`sk_…`).
    case stripeSecretKey = "STRIPE_SECRET_KEY"
    /// The platform's Connect client id (`ca_…`).
    case stripeConnectClientID = "STRIPE_CONNECT_CLIENT_ID"
    /// Key that signs OAuth `state` values.
    case stateKey = "STRIPEBRIDGE_STATE_KEY"
    /// Key that signs grants between services.
    case grantKey = "STRIPEBRIDGE_GRANT_KEY"
    /// Comma-separated webhook signing secrets (`whsec_…`); several during a rotation.
    case stripeWebhookSecrets = "STRIPE_WEBHOOK_SECRETS"
    /// Signing secret of the Connect webhook endpoint.
    case stripeConnectWebhookSecret = "STRIPE_CONNECT_WEBHOOK_SECRET"

    /// The keys this system signs with itself; too short a key makes forging cheap.
    var isSigningKey: Bool { self == .stateKey || self == .grantKey }

    static let minimumSigningKeyBytes = 32
}
