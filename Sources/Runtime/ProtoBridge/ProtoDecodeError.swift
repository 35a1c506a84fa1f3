/// A payload that protobuf-c could not unpack as the expected message.
public struct ProtoDecodeError: Error, CustomStringConvertible {
    public let messageName: String
    public let byteCount: Int

    public var description: String {
        "could not decode \(byteCount) bytes as \(messageName): the payload is not a valid encoding of it"
    }
}
