import CProtobufC

/// One field of a message descriptor, looked up once by name and then used directly.
///
/// `@unchecked Sendable`: it points into immutable descriptor data compiled into the binary.
public struct ProtoField: @unchecked Sendable {
    @usableFromInline let pointer: UnsafePointer<ProtobufCFieldDescriptor>

    @usableFromInline var offset: Int { Int(pointer.pointee.offset) }
    @usableFromInline var quantifierOffset: Int { Int(pointer.pointee.quantifier_offset) }
}

extension ProtoDescriptor {
    /// The field called `name`; a missing field is a programming error in a contract type.
    public func field(_ name: String) -> ProtoField {
        guard let field = protobuf_c_message_descriptor_get_field_by_name(pointer, name) else {
            preconditionFailure("\(self.name) has no field \"\(name)\": the Swift contract and proto/ disagree")
        }
        return ProtoField(pointer: field)
    }
}
