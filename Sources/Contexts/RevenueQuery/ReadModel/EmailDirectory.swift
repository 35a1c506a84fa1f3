/// Interns normalised email addresses to dense ids, for the grids' lookups.
///
/// An open-addressing table of (hash tag, id) pairs, at most half full: a lookup hashes the
/// address once, walks a few adjacent 8-byte slots and compares text only when the tag
/// matches, so a batch of 500 addresses touches about 500 stored strings instead of the two or
/// three per address a `Dictionary<String, Int32>` compares. Hashing is `String.hashValue`,
/// seeded per process, so addresses chosen by outsiders cannot be made to collide.
struct EmailDirectory: Sendable {
    private struct Slot: Sendable {
        var tag: UInt32 = 0
        /// -1 when the slot is empty.
        var id: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1_024)
    private var addresses: [String] = []

    var count: Int { addresses.count }

    /// The address interned as `id`.
    func address(_ id: Int32) -> String { addresses[Int(id)] }

    /// The id of `address` exactly as written, nil when it was never interned.
    func id(of address: String) -> Int32? {
        let hash = address.hashValue
        let tag = Self.tag(hash)
        let mask = slots.count - 1
        var index = hash & mask
        while true {
            let slot = slots[index]
            if slot.id < 0 { return nil }
            if slot.tag == tag, addresses[Int(slot.id)] == address { return slot.id }
            index = (index + 1) & mask
        }
    }

    /// The id of `address`, interning it when it is new.
    mutating func intern(_ address: String) -> Int32 {
        if let id = id(of: address) { return id }
        let id = Int32(addresses.count)
        addresses.append(address)
        if addresses.count * 2 > slots.count { grow() } else { place(id, hash: address.hashValue) }
        return id
    }

    private static func tag(_ hash: Int) -> UInt32 { UInt32(truncatingIfNeeded: UInt(bitPattern: hash) >> 32) }

    private mutating func place(_ id: Int32, hash: Int) {
        let mask = slots.count - 1
        var index = hash & mask
        while slots[index].id >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(tag: Self.tag(hash), id: id)
    }

    /// Doubles the table and places every address again (ids do not change).
    private mutating func grow() {
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        for (id, address) in addresses.enumerated() { place(Int32(id), hash: address.hashValue) }
    }
}
