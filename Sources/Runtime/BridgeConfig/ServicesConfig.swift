import Foundation

/// Everything in `services.yaml`. Secrets are not here: they come from `Secrets`.
public struct ServicesConfig: Sendable, Equatable {
    /// The services every deployment must describe.
    public static let serviceNames = ["connect_auth", "sync_engine", "revenue_query", "platform_billing"]

    public var stripe: StripeSettings
    public var connect: ConnectSettings
    public var sync: SyncSettings
    /// Keyed by service name (`connect_auth`, `sync_engine`, `revenue_query`, `platform_billing`).
    public var services: [String: ServiceEndpoint]

    /// Reads and validates the file at `path`. Relative paths inside it resolve against the
    /// file's directory. `STRIPEBRIDGE_<KEY>` variables in `environment` override single keys.
    public static func load(
        path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServicesConfig {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let file = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ConfigError(file: file, message: "is a directory; pass the path of services.yaml itself")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError(
                file: file,
                message:
                    "cannot read \(url.path) (\(error.localizedDescription)); pass the path of services.yaml"
            )
        }
        return try parse(
            text, file: file, directory: url.deletingLastPathComponent().path, environment: environment)
    }

    /// Parses configuration text as if read from `file` in `directory`.
    public static func parse(
        _ text: String, file: String, directory: String, environment: [String: String] = [:]
    ) throws -> ServicesConfig {
        let root = try YAMLNode.parse(text, file: file)
        guard case .mapping = root else {
            throw ConfigError(file: file, message: "the top level must be a mapping, got \(root.kindName)")
        }
        let reader = ConfigReader(root: root, file: file, environment: environment)
        let stripe = try StripeSettings(reader.section("stripe"))
        let connect = try ConnectSettings(reader.section("connect"))
        let sync = try SyncSettings(reader.section("sync"))
        var services: [String: ServiceEndpoint] = [:]
        let servicesReader = reader.child("services")
        _ = try servicesReader.entries()  // names the section when it is missing or malformed
        for name in serviceNames {
            services[name] = try ServiceEndpoint(servicesReader.child(name), directory: directory)
        }
        try reader.rejectUnreadKeys()
        return ServicesConfig(stripe: stripe, connect: connect, sync: sync, services: services, file: file)
    }

    /// The file name errors mention.
    public let file: String

    /// Builds a configuration in code, e.g. for tests; `load` is the usual way.
    public init(
        stripe: StripeSettings, connect: ConnectSettings, sync: SyncSettings,
        services: [String: ServiceEndpoint], file: String = "services.yaml"
    ) {
        self.stripe = stripe
        self.connect = connect
        self.sync = sync
        self.services = services
        self.file = file
    }

    /// The endpoint of service `name`, e.g. `sync_engine`.
    public func endpoint(_ name: String) throws -> ServiceEndpoint {
        guard let endpoint = services[name] else {
            let known = services.keys.sorted().joined(separator: ", ")
            throw ConfigError(file: file, message: "no service named \"\(name)\"; known services: \(known)")
        }
        return endpoint
    }
}
