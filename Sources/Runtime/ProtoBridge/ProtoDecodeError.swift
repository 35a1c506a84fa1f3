/// A payload that protobuf-c could not unpack as the expected message, or that holds what
/// the Swift side cannot take whole.
public struct ProtoDecodeError: Error, CustomStringConvertible {
    public let messageName: String
    public let byteCount: Int
    /// A string field whose bytes hold a NUL, which C strings would cut short.
    public var fieldWithNUL: String? = nil

    public var description: String {
        if let field = fieldWithNUL {
            return "\(messageName).\(field) holds a NUL byte; strings must not contain U+0000"
        }
        return "could not decode \(byteCount) bytes as \(messageName): the payload is not a valid encoding of it"
    }
}
