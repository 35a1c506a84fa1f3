import CMicroHTTPD

/// Reads headers and query arguments off an MHD connection, in the order they arrived.
enum ConnectionValues {
    /// Pairs of the given kind; libmicrohttpd has already decoded `+` and `%XX` in arguments.
    static func pairs(_ connection: OpaquePointer, kind: MHD_ValueKind) -> [(String, String)] {
        let collector = PairCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(connection, kind, collectPair, context)
        }
        return collector.pairs
    }

    /// Headers keyed by lower-cased name; repeats are joined with ", ".
    static func headers(_ connection: OpaquePointer) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in pairs(connection, kind: .HEADER_KIND) {
            let key = name.lowercased()
            if let existing = headers[key] {
                headers[key] = existing + ", " + value
            } else {
                headers[key] = value
            }
        }
        return headers
    }
}

private final class PairCollector {
    var pairs: [(String, String)] = []
}

private let collectPair: MHD_KeyValueIterator = { context, _, key, value in
    guard let context, let key else { return .YES }
    let collector = Unmanaged<PairCollector>.fromOpaque(context).takeUnretainedValue()
    collector.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
    return .YES
}
