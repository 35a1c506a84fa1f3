/// The result of a Connect OAuth code exchange. Stripe's access and refresh tokens are
/// dropped on purpose: the platform key plus `Stripe-Account` reaches the account instead.
public struct OAuthToken: Sendable, Equatable {
    /// The connected account id (`acct_…`).
    public let stripeUserID: String
    /// `read_write` or `read_only`.
    public let scope: String
    public let livemode: Bool

    public init(stripeUserID: String, scope: String, livemode: Bool) {
        self.stripeUserID = stripeUserID
        self.scope = scope
        self.livemode = livemode
    }
}
