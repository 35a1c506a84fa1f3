/// A list Stripe embeds in its parent with only a first page, and serves whole at the parent's
/// sub-list endpoint: an invoice's `lines` (`/v1/invoices/{id}/lines`) and a Checkout Session's
/// expanded `line_items` (`/v1/checkout/sessions/{id}/line_items`).
///
/// The emulator keeps such a list whole when it is longer than a first page, and serves the
/// parent with its first `firstPageSize` items and `has_more: true`. Lines are listed in their
/// order on the parent, not by `created`.
struct EmbeddedLineList: Sendable {
    /// How many items Stripe embeds in the parent.
    static let firstPageSize = 10

    static let invoiceLines = EmbeddedLineList(
        collection: .invoices, key: "lines", pathSuffix: "/lines", itemType: "line_item")
    static let checkoutLineItems = EmbeddedLineList(
        collection: .checkoutSessions, key: "line_items", pathSuffix: "/line_items", itemType: "item")
    static let all = [invoiceLines, checkoutLineItems]

    /// The parent collection.
    let collection: StripeCollection
    /// The parent's field holding the list object.
    let key: String
    /// What follows `/{id}` in the sub-list URL.
    let pathSuffix: String
    /// The `object` value of the items, for error messages.
    let itemType: String

    /// The list embedded in objects of `collection`, if it has one.
    static func of(_ collection: StripeCollection) -> EmbeddedLineList? {
        all.first { $0.collection == collection }
    }

    /// The parent id when `path` is this list's sub-list URL (`/v1/invoices/in_1/lines`).
    func parentID(inPath path: String) -> String? {
        let prefix = collection.path + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(pathSuffix) else { return nil }
        let id = path.dropFirst(prefix.count).dropLast(pathSuffix.count)
        guard !id.isEmpty, !id.contains("/") else { return nil }
        return String(id)
    }

    /// The sub-list URL of the parent `id`, as Stripe writes it in the list's `url`.
    func url(parentID id: String) -> String {
        collection.path + "/" + id + pathSuffix
    }
}
