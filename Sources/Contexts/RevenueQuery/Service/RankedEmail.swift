/// An email in a ranking: its index id, its address and the value it is ranked by.
struct RankedEmail {
    let id: Int32
    let email: String
    let value: Int64

    /// Larger value first, then email by UTF-8 bytes (see `CustomerSort.ranks`).
    static func ranksBefore(_ lhs: RankedEmail, _ rhs: RankedEmail) -> Bool {
        CustomerSort.ranks(lhs.value, lhs.email, before: rhs.value, rhs.email)
    }
}
