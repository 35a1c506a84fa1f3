/// An account as the emulator holds it: its object, whether the platform may reach it, and
/// its collections ordered for listing.
struct AccountState {
    var account: StoredObject
    /// False after `/oauth/deauthorize` until the account connects again through OAuth.
    var connected = true
    var indexes: [StripeCollection: ObjectIndex] = [:]
    /// The whole embedded lists of parents served trimmed (see `EmbeddedLineList`), by parent id.
    var longLists: [StripeCollection: [String: [StoredObject]]] = [:]

    init(account: StoredObject) {
        self.account = account
    }
}
