/// Reads typed values out of a YAML tree, naming the dotted key and the file in every error.
///
/// An environment variable can override any scalar: `STRIPEBRIDGE_` followed by the dotted
/// key upper-cased with dots as underscores (`sync.max_concurrent` →
/// `STRIPEBRIDGE_SYNC_MAX_CONCURRENT`). Overrides apply only to keys read through this type.
public struct ConfigReader: Sendable {
    /// The node at `key`, nil when the file does not have it.
    public let node: YAMLNode?
    /// Dotted path from the root, empty for the root itself.
    public let key: String
    public let file: String
    let environment: [String: String]
    private let keysRead: KeysRead

    public init(root: YAMLNode, file: String, environment: [String: String] = [:]) {
        self.init(node: root, key: "", file: file, environment: environment, keysRead: KeysRead())
    }

    private init(node: YAMLNode?, key: String, file: String, environment: [String: String], keysRead: KeysRead) {
        self.node = node
        self.key = key
        self.file = file
        self.environment = environment
        self.keysRead = keysRead
    }

    /// The value under `name`; reading it throws later if it is missing.
    public func child(_ name: String) -> ConfigReader {
        let childKey = key.isEmpty ? name : "\(key).\(name)"
        keysRead.record(childKey)
        return ConfigReader(
            node: node?[name], key: childKey, file: file, environment: environment, keysRead: keysRead
        )
    }

    /// Throws for the first key of the file under this one that nothing read: a misspelt
    /// setting would otherwise be ignored without a word.
    public func rejectUnreadKeys() throws {
        guard case .mapping(let pairs)? = node else { return }
        for (name, _) in pairs {
            let childKey = key.isEmpty ? name : "\(key).\(name)"
            guard keysRead.contains(childKey) else {
                throw error("unknown key \"\(childKey)\"; check its spelling against the documented settings")
            }
            try ConfigReader(
                node: node?[name], key: childKey, file: file, environment: environment, keysRead: keysRead
            ).rejectUnreadKeys()
        }
    }

    /// The environment variable that overrides this key.
    public var overrideVariable: String {
        "STRIPEBRIDGE_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// True when the file or the environment gives this key a value.
    public var isPresent: Bool {
        if environment[overrideVariable] != nil { return true }
        if case .scalar(let text)? = node { return !text.isEmpty }
        return node != nil
    }

    /// The entries of a mapping, in file order.
    public func entries() throws -> [(key: String, value: ConfigReader)] {
        guard let node else { throw missing() }
        guard case .mapping(let pairs) = node else {
            throw error("\"\(key)\" must be a mapping, got \(node.kindName)")
        }
        // Listing a section is not reading its keys: each counts as read once a caller asks for it.
        return pairs.map { pair in
            let childKey = key.isEmpty ? pair.key : "\(key).\(pair.key)"
            return (
                pair.key,
                ConfigReader(node: pair.value, key: childKey, file: file, environment: environment, keysRead: keysRead)
            )
        }
    }

    /// The scalar text, from the override variable when set; empty text counts as missing.
    public func string() throws -> String {
        if let override = environment[overrideVariable] {
            guard !override.isEmpty else { throw error("\(overrideVariable) is set but empty") }
            return override
        }
        guard let node else { throw missing() }
        guard case .scalar(let text) = node else {
            throw error("\"\(key)\" must be a single value, got \(node.kindName)")
        }
        guard !text.isEmpty else { throw error("key \"\(key)\" has no value") }
        return text
    }

    /// An error about this key, saying where the bad value came from.
    public func invalid(_ expectation: String, got value: String) -> ConfigError {
        let source = environment[overrideVariable] != nil ? " (from \(overrideVariable))" : ""
        return error("\"\(key)\"\(source) must be \(expectation), got \"\(value)\"")
    }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, message: message)
    }

    private func missing() -> ConfigError {
        error("missing key \"\(key)\"")
    }

    /// The mapping under `name` (a section such as `stripe:`); throws when it is absent or
    /// holds anything else.
    public func section(_ name: String) throws -> ConfigReader {
        let section = child(name)
        _ = try section.entries()
        return section
    }
}
