/// The generator's own bookkeeping of one purchase that moved money.
struct PurchaseRecord {
    let account: String
    let currency: String
    /// Amount captured.
    let collected: Int64
    let refunded: Int64
    let disputedLost: Int64
    /// Trimmed and lower-cased; nil when the purchase carries no email anywhere.
    let buyerEmail: String?
    /// `created` of the succeeded charge.
    let chargeCreated: Int64

    var net: Int64 { max(0, collected - refunded - disputedLost) }
}
