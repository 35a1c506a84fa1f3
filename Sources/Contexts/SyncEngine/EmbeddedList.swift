import Foundation

/// A list Stripe embeds in an object with only its first page: an invoice's `lines`, a
/// Checkout Session's expanded `line_items`. The rest is read from the object's own sub-list.
struct EmbeddedList: Sendable, Equatable {
    /// The field holding the list object (`{"object":"list","data":[…],"has_more":…}`).
    let key: String
    /// Present only when the list call expanded it: events never carry it.
    let expandedOnly: Bool
    /// The sub-list endpoint of the parent, before its id is filled in.
    private let pathPrefix: String
    private let pathSuffix: String

    static let invoiceLines = EmbeddedList(
        key: "lines", expandedOnly: false, pathPrefix: "/v1/invoices/", pathSuffix: "/lines")
    static let checkoutLineItems = EmbeddedList(
        key: "line_items", expandedOnly: true, pathPrefix: "/v1/checkout/sessions/", pathSuffix: "/line_items")

    /// The embedded list of a Stripe `object` type, or nil when the type has none to complete.
    init?(objectType: String) {
        switch objectType {
        case SyncObjectType.invoice.objectName: self = .invoiceLines
        case SyncObjectType.checkoutSession.objectName: self = .checkoutLineItems
        default: return nil
        }
    }

    private init(key: String, expandedOnly: Bool, pathPrefix: String, pathSuffix: String) {
        self.key = key
        self.expandedOnly = expandedOnly
        self.pathPrefix = pathPrefix
        self.pathSuffix = pathSuffix
    }

    /// The sub-list path of the object `id`, the id percent-encoded so it stays one segment.
    func path(of id: String) -> String {
        pathPrefix + (id.addingPercentEncoding(withAllowedCharacters: Self.idCharacters) ?? id) + pathSuffix
    }

    private static let idCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
}
