/// A payload that protobuf-c could not unpack as the expected message, or that holds what
/// the Swift side cannot take whole.
public struct ProtoDecodeError: Error, CustomStringConvertible {
    public let messageName: String
    public let byteCount: Int
    /// A string field holding a NUL (which C strings would cut short) or invalid UTF-8.
    public var invalidString: ProtoStringProblem? = nil

    public var description: String {
        if let invalidString {
            return invalidString.field.isEmpty
                ? "\(messageName) holds \(invalidString)" : "\(messageName).\(invalidString)"
        }
        return "could not decode \(byteCount) bytes as \(messageName): the payload is not a valid encoding of it"
    }
}
