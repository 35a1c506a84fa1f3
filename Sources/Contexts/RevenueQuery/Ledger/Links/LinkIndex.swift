/// A reverse index from one id to the ids of the objects that point at it.
///
/// Small arrays rather than sets: almost every id is pointed at by one or two objects, and a
/// million one-element sets would cost far more memory than the lookups save.
struct LinkIndex: Sendable, Equatable {
    private var targets: [String: [String]] = [:]

    subscript(id: String) -> [String] { targets[id] ?? [] }

    mutating func insert(_ source: String, under id: String?) {
        guard let id, !id.isEmpty else { return }
        if targets[id]?.contains(source) == true { return }
        targets[id, default: []].append(source)
    }

    mutating func remove(_ source: String, under id: String?) {
        guard let id, var sources = targets[id] else { return }
        sources.removeAll { $0 == source }
        targets[id] = sources.isEmpty ? nil : sources
    }
}
