/// One collection of one account, ordered as Stripe lists it: newest `created` first, and among
/// equal `created` the most recently inserted first.
struct ObjectIndex {
    struct Entry {
        let created: Int64
        let sequence: Int64
        var object: StoredObject
    }

    private(set) var entries: [Entry] = []
    private var keysByID: [String: (created: Int64, sequence: Int64)] = [:]

    var count: Int { entries.count }

    func object(id: String) -> StoredObject? {
        position(ofID: id).map { entries[$0].object }
    }

    /// The index of `id` in `entries`, found by binary search on its sort key.
    func position(ofID id: String) -> Int? {
        guard let key = keysByID[id] else { return nil }
        let index = insertionIndex(created: key.created, sequence: key.sequence)
        guard index < entries.count, entries[index].object.id == id else { return nil }
        return index
    }

    /// Inserts `object`, or replaces the one with its id. A replacement with the same `created`
    /// keeps its place; otherwise it moves, using `sequence` as a newly inserted object would.
    mutating func upsert(_ object: StoredObject, sequence: Int64) {
        if let index = position(ofID: object.id) {
            if entries[index].created == object.created {
                entries[index].object = object
                return
            }
            entries.remove(at: index)
        }
        let index = insertionIndex(created: object.created, sequence: sequence)
        entries.insert(Entry(created: object.created, sequence: sequence, object: object), at: index)
        keysByID[object.id] = (object.created, sequence)
    }

    /// Appends objects known to be newer-or-equal and inserted later than everything present,
    /// then sorts once: the fast path for loading a dataset.
    mutating func load(_ objects: [StoredObject], firstSequence: Int64) {
        var sequence = firstSequence
        for object in objects {
            if keysByID[object.id] != nil {
                upsert(object, sequence: sequence)
            } else {
                entries.append(Entry(created: object.created, sequence: sequence, object: object))
                keysByID[object.id] = (object.created, sequence)
            }
            sequence += 1
        }
        entries.sort(by: Self.comesBefore)
    }

    /// The first index whose entry sorts at or after (`created`, `sequence`).
    func insertionIndex(created: Int64, sequence: Int64) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if Self.comesBefore(entry, created: created, sequence: sequence) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The first index whose `created` is at most `created`.
    func firstIndex(createdAtMost created: Int64) -> Int {
        insertionIndex(created: created, sequence: .max)
    }

    private static func comesBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
        comesBefore(lhs, created: rhs.created, sequence: rhs.sequence)
    }

    private static func comesBefore(_ entry: Entry, created: Int64, sequence: Int64) -> Bool {
        entry.created != created ? entry.created > created : entry.sequence > sequence
    }
}
