import CProtobufC

/// The address of a generated protobuf-c message descriptor.
///
/// Swift imports the generated `…__descriptor` constants by value, so their address cannot be
/// taken safely; the generated `…__init` function stores the real address in every message it
/// initialises, and that is where this type reads it from.
///
/// `@unchecked Sendable`: the descriptor is immutable static data compiled into the binary.
public struct ProtoDescriptor: @unchecked Sendable {
    public let pointer: UnsafePointer<ProtobufCMessageDescriptor>

    public init<Message>(_ initialize: (UnsafeMutablePointer<Message>?) -> Void) {
        let message = UnsafeMutablePointer<Message>.allocate(capacity: 1)
        defer { message.deallocate() }
        initialize(message)
        let base = UnsafeMutableRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        guard let descriptor = base.pointee.descriptor else {
            preconditionFailure("protobuf-c init of \(Message.self) set no descriptor")
        }
        pointer = descriptor
    }

    /// Full protobuf name, e.g. "stripebridge.revenue.v1.SummaryByEmailsRequest".
    public var name: String { String(cString: pointer.pointee.name) }
}
