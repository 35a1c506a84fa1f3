import Foundation

/// Secrets read from the environment. Printing, dumping or interpolating a `Secrets` shows
/// only which variables are loaded, never a value.
public struct Secrets: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let values: [SecretName: String]

    /// Reads `names` from `environment`; a missing or empty variable throws an error naming it.
    public static func load(
        _ names: [SecretName],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Secrets {
        var values: [SecretName: String] = [:]
        for name in names {
            let value = environment[name.rawValue]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !value.isEmpty else {
                throw ConfigError(
                    file: "environment",
                    message: "missing secret \(name.rawValue); set it in the service's environment"
                )
            }
            if name.isSigningKey, value.utf8.count < SecretName.minimumSigningKeyBytes {
                throw ConfigError(
                    file: "environment",
                    message:
                        "\(name.rawValue) is \(value.utf8.count) bytes; a signing key needs at least "
                        + "\(SecretName.minimumSigningKeyBytes) (e.g. `openssl rand -hex 32`)"
                )
            }
            values[name] = value
        }
        let secrets = Secrets(values: values)
        if names.contains(.stripeWebhookSecrets), secrets.webhookSecrets.isEmpty {
            throw ConfigError(
                file: "environment",
                message:
                    "\(SecretName.stripeWebhookSecrets.rawValue) holds no secret; "
                    + "list them separated by commas"
            )
        }
        return secrets
    }

    /// True when `name` was loaded.
    public func contains(_ name: SecretName) -> Bool { values[name] != nil }

    /// The value of a loaded secret. Asking for one not passed to `load` is a programming error.
    public func value(_ name: SecretName) -> String {
        guard let value = values[name] else {
            preconditionFailure("secret \(name.rawValue) was not loaded; add it to the Secrets.load list")
        }
        return value
    }

    public var stripeSecretKey: String { value(.stripeSecretKey) }
    public var stripeConnectClientID: String { value(.stripeConnectClientID) }
    public var stateKey: String { value(.stateKey) }
    public var grantKey: String { value(.grantKey) }
    public var stripeConnectWebhookSecret: String { value(.stripeConnectWebhookSecret) }

    /// The webhook secrets in the order listed, blanks dropped.
    public var webhookSecrets: [String] {
        value(.stripeWebhookSecrets).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    public var description: String {
        let names = values.keys.map(\.rawValue).sorted().map { "\($0)=<redacted>" }
        return "Secrets(\(names.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
