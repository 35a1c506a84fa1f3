/// A configuration problem, described as `<file>: <what is wrong>`, e.g.
/// `services.yaml: missing key "stripe.api_base"`.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The file (or environment) the problem was found in, as shown to the operator.
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
