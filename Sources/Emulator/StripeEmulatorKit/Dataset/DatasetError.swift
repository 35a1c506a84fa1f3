/// A dataset file or object that cannot be used; the message says what to fix.
public struct DatasetError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "dataset: \(message)" }
}
