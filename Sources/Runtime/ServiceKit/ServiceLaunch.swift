import BridgeConfig
import BridgeLog
import BridgeRPC
import BridgeStore
import Foundation
import StripeClient

/// What every service executable does before serving: read `services.yaml` and the secrets it
/// needs, open its own SQLite file, and build clients for Stripe and the contexts it calls.
///
/// Any problem stops the process with a message naming the setting and exit status 78
/// (EX_CONFIG), before anything is served.
public struct ServiceLaunch: Sendable {
    public let name: String
    public let config: ServicesConfig
    public let endpoint: ServiceEndpoint
    public let secrets: Secrets
    public let logger: Logger

    /// `name` is the service's key under `services:` (e.g. "revenue_query").
    public static func prepare(service name: String, secrets needed: [SecretName]) -> ServiceLaunch {
        // The SQLite files hold customers' emails and the sockets accept calls: both are made
        // readable by the service's own user only.
        umask(0o077)
        let logger = Logger(label: "stripebridge." + name)
        let path = parseArguments(service: name, logger: logger)
        do {
            let config = try ServicesConfig.load(path: path)
            let endpoint = try config.endpoint(name)
            let secrets = try Secrets.load(needed)
            return ServiceLaunch(name: name, config: config, endpoint: endpoint, secrets: secrets, logger: logger)
        } catch {
            fail("\(error)", logger: logger)
        }
    }

    /// `--config PATH`, else `STRIPEBRIDGE_CONFIG`, else `services.yaml` in the working directory.
    /// `--help` prints the usage; anything else stops the service with the usage (status 64).
    static func parseArguments(service name: String, logger: Logger) -> String {
        let usage = """
            usage: \(name.replacingOccurrences(of: "_", with: "-")) [--config PATH]
              PATH defaults to $STRIPEBRIDGE_CONFIG, then ./services.yaml. Secrets come from the environment.
            """
        var arguments = CommandLine.arguments.dropFirst()
        var path = ProcessInfo.processInfo.environment["STRIPEBRIDGE_CONFIG"] ?? "services.yaml"
        while let argument = arguments.popFirst() {
            switch argument {
            case "--help", "-h":
                print(usage)
                exit(0)
            case "--config":
                guard let value = arguments.popFirst(), !value.hasPrefix("--") else {
                    FileHandle.standardError.write(Data("error: --config needs a path\n\(usage)\n".utf8))
                    exit(64)
                }
                path = value
            default:
                FileHandle.standardError.write(Data("error: unknown argument \(argument)\n\(usage)\n".utf8))
                exit(64)
            }
        }
        return path
    }

    public func openDatabase() -> Database {
        do {
            try makeParentDirectory(of: endpoint.databasePath)
            try makeParentDirectory(of: endpoint.socketPath)
            return try Database(path: endpoint.databasePath, logger: logger)
        } catch {
            Self.fail("cannot open \(endpoint.databasePath): \(error)", logger: logger)
        }
    }

    public func server() -> RPCServer {
        RPCServer(socketPath: endpoint.socketPath, serviceName: name, logger: logger)
    }

    /// A client of another context named by its `services:` key.
    public func client(of service: String) -> RPCClient {
        do {
            return RPCClient(socketPath: try config.endpoint(service).socketPath, caller: name, logger: logger)
        } catch {
            Self.fail("\(error)", logger: logger)
        }
    }

    public func stripeClient() -> StripeClient {
        var settings = StripeClientSettings(
            apiBase: config.stripe.apiBase, connectBase: config.stripe.connectBase,
            apiVersion: config.stripe.version, secretKey: secrets.stripeSecretKey
        )
        settings.maxRetries = config.stripe.maxRetries
        settings.requestsPerSecond = config.stripe.requestsPerSecond
        settings.accountRequestsPerSecond = config.stripe.accountRequestsPerSecond
        return StripeClient(settings: settings, logger: logger)
    }

    private func makeParentDirectory(of path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    public static func fail(_ message: String, logger: Logger) -> Never {
        logger.critical("cannot start: \(message)")
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(78)
    }
}
