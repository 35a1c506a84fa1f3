/// A parsed YAML value. Scalars stay text; typing happens in `ConfigValue`.
///
/// Tags are ignored and `~`/`null` are not special: a key with no value is an empty scalar.
public indirect enum YAMLNode: Sendable, Equatable {
    case scalar(String)
    /// Entries in document order; keys are unique.
    case mapping([(key: String, value: YAMLNode)])
    case sequence([YAMLNode])

    /// The value under `key` when this is a mapping holding it.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    public var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        }
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): a == b
        case (.sequence(let a), .sequence(let b)): a == b
        case (.mapping(let a), .mapping(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// Parses the first document of `text`; `file` names the source in errors.
    public static func parse(_ text: String, file: String) throws -> YAMLNode {
        var builder = YAMLTreeBuilder(parser: try YAMLEventParser(text: text, file: file), file: file)
        return try builder.document()
    }
}
