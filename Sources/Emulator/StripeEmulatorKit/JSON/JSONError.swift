/// A JSON document could not be read; `offset` is the byte where reading stopped.
public struct JSONError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
