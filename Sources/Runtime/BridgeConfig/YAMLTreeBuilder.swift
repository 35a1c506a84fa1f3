/// Builds a `YAMLNode` tree from parser events, resolving anchors and aliases.
struct YAMLTreeBuilder {
    private let parser: YAMLEventParser
    private let file: String
    private var anchors: [String: YAMLNode] = [:]
    /// Deep enough for any configuration, shallow enough to keep recursion off the stack limit.
    private static let maxDepth = 64

    init(parser: YAMLEventParser, file: String) {
        self.parser = parser
        self.file = file
    }

    /// The first document; an empty file reads as an empty mapping.
    mutating func document() throws -> YAMLNode {
        guard case .streamStart = try parser.next() else { throw failure("the YAML stream has no start") }
        switch try parser.next() {
        case .streamEnd: return .mapping([])
        case .documentStart: break
        default: throw failure("expected a YAML document")
        }
        let root = try node(try parser.next(), depth: 0)
        guard case .documentEnd = try parser.next() else {
            throw failure("expected the end of the document")
        }
        return root
    }

    private mutating func node(_ event: YAMLEvent, depth: Int) throws -> YAMLNode {
        guard depth < Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        switch event {
        case .scalar(let value, let anchor):
            return remember(.scalar(value), anchor)
        case .alias(let name):
            guard let target = anchors[name] else { throw failure("alias *\(name) has no matching anchor") }
            return target
        case .sequenceStart(let anchor):
            var items: [YAMLNode] = []
            while true {
                let next = try parser.next()
                if case .sequenceEnd = next { break }
                items.append(try node(next, depth: depth + 1))
            }
            return remember(.sequence(items), anchor)
        case .mappingStart(let anchor):
            return remember(try mapping(depth: depth), anchor)
        default:
            throw failure("unexpected YAML structure")
        }
    }

    private mutating func mapping(depth: Int) throws -> YAMLNode {
        var entries: [(key: String, value: YAMLNode)] = []
        while true {
            let keyEvent = try parser.next()
            if case .mappingEnd = keyEvent { break }
            guard case .scalar(let key) = try node(keyEvent, depth: depth + 1) else {
                throw failure("mapping keys must be plain text")
            }
            guard !entries.contains(where: { $0.key == key }) else {
                throw failure("duplicate key \"\(key)\"")
            }
            entries.append((key, try node(try parser.next(), depth: depth + 1)))
        }
        return .mapping(entries)
    }

    private mutating func remember(_ node: YAMLNode, _ anchor: String?) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    private func failure(_ what: String) -> ConfigError {
        ConfigError(file: file, message: "\(what) at line \(parser.line)")
    }
}
