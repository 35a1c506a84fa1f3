/// The `connect:` section: the Stripe Connect OAuth flow.
public struct ConnectSettings: Sendable, Equatable {
    /// Where Stripe sends the browser back with `code` and `state`.
    public var redirectURI: String
    /// Where an agency user lands after connecting.
    public var agencyReturnURL: String
    /// Where a client user lands after connecting.
    public var clientReturnURL: String
    /// How long a signed OAuth `state` stays valid.
    public var stateTTLSeconds: Int
    /// Whether one Stripe account may be linked to more than one business.
    public var allowSharedAccounts: Bool
    /// Whether disconnecting also revokes the platform's access at Stripe.
    public var deauthorizeOnDisconnect: Bool

    public init(
        redirectURI: String, agencyReturnURL: String, clientReturnURL: String,
        stateTTLSeconds: Int = 600, allowSharedAccounts: Bool = false, deauthorizeOnDisconnect: Bool = false
    ) {
        self.redirectURI = redirectURI
        self.agencyReturnURL = agencyReturnURL
        self.clientReturnURL = clientReturnURL
        self.stateTTLSeconds = stateTTLSeconds
        self.allowSharedAccounts = allowSharedAccounts
        self.deauthorizeOnDisconnect = deauthorizeOnDisconnect
    }

    init(_ reader: ConfigReader) throws {
        redirectURI = try reader.child("redirect_uri").httpURL()
        agencyReturnURL = try reader.child("agency_return_url").httpURL()
        clientReturnURL = try reader.child("client_return_url").httpURL()
        stateTTLSeconds = try reader.child("state_ttl_seconds").positiveInt()
        allowSharedAccounts = try reader.child("allow_shared_accounts").bool()
        deauthorizeOnDisconnect = try reader.child("deauthorize_on_disconnect").bool()
    }
}
