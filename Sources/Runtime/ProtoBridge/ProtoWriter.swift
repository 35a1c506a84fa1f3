import CProtobufC

/// Builds a protobuf-c message by field name, then packs it.
///
/// Fields left unset keep their proto3 defaults. Memory lives in an arena shared with nested
/// writers and is released when the outermost writer goes away.
public final class ProtoWriter {
    @usableFromInline let arena: ProtoArena
    private let descriptor: ProtoDescriptor
    /// The message being filled; a writer of repeated elements moves on to each next element.
    @usableFromInline var message: UnsafeMutablePointer<ProtobufCMessage>

    public convenience init(_ descriptor: ProtoDescriptor) {
        self.init(descriptor, arena: ProtoArena())
    }

    @usableFromInline init(_ descriptor: ProtoDescriptor, arena: ProtoArena) {
        self.arena = arena
        self.descriptor = descriptor
        message = Self.newMessage(descriptor, in: arena)
    }

    @usableFromInline static func newMessage(_ descriptor: ProtoDescriptor, in arena: ProtoArena)
        -> UnsafeMutablePointer<ProtobufCMessage>
    {
        let size = Int(descriptor.pointer.pointee.sizeof_message)
        let message = arena.allocate(bytes: size).assumingMemoryBound(to: ProtobufCMessage.self)
        guard let initialize = descriptor.pointer.pointee.message_init else {
            preconditionFailure("\(descriptor.name) has no init function")
        }
        initialize(message)
        return message
    }

    @usableFromInline func slot(_ field: ProtoField) -> (UnsafeMutableRawPointer, ProtoField) {
        (UnsafeMutableRawPointer(message) + field.offset, field)
    }

    @usableFromInline func setCount(_ field: ProtoField, _ n: Int) {
        (UnsafeMutableRawPointer(message) + field.quantifierOffset).storeBytes(of: n, as: Int.self)
    }

    public func set(_ name: ProtoField, _ value: String) {
        guard !value.isEmpty else { return }
        slot(name).0.storeBytes(of: UnsafePointer(arena.copy(value)), as: UnsafePointer<CChar>?.self)
    }

    public func set(_ name: ProtoField, bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let data = ProtobufCBinaryData(len: bytes.count, data: arena.copy(bytes))
        slot(name).0.storeBytes(of: data, as: ProtobufCBinaryData.self)
    }

    public func set(_ name: ProtoField, _ value: Int64) { slot(name).0.storeBytes(of: value, as: Int64.self) }
    public func set(_ name: ProtoField, _ value: UInt64) { slot(name).0.storeBytes(of: value, as: UInt64.self) }
    public func set(_ name: ProtoField, _ value: Int32) { slot(name).0.storeBytes(of: value, as: Int32.self) }
    public func set(_ name: ProtoField, _ value: Bool) { slot(name).0.storeBytes(of: value ? 1 : 0, as: Int32.self) }
    public func set(_ name: ProtoField, enumValue: Int32) { set(name, enumValue) }

    @inlinable
    public func set<M: ProtoMessage>(_ name: ProtoField, message value: M?) {
        guard let value else { return }
        let child = ProtoWriter(M.descriptor, arena: arena)
        value.write(to: child)
        slot(name).0.storeBytes(of: UnsafePointer(child.message), as: UnsafePointer<ProtobufCMessage>?.self)
    }

    public func set(_ name: ProtoField, strings values: [String]) {
        guard !values.isEmpty else { return }
        let (pointer, field) = slot(name)
        let array = arena.allocate(bytes: values.count * MemoryLayout<UnsafePointer<CChar>?>.stride)
            .bindMemory(to: UnsafePointer<CChar>?.self, capacity: values.count)
        for (index, value) in values.enumerated() { array[index] = UnsafePointer(arena.copy(value)) }
        pointer.storeBytes(of: UnsafePointer(array), as: UnsafePointer<UnsafePointer<CChar>?>?.self)
        setCount(field, values.count)
    }

    public func set(_ name: ProtoField, int64s values: [Int64]) {
        guard !values.isEmpty else { return }
        let (pointer, field) = slot(name)
        let array = arena.allocate(bytes: values.count * 8).bindMemory(to: Int64.self, capacity: values.count)
        for (index, value) in values.enumerated() { array[index] = value }
        pointer.storeBytes(of: UnsafePointer(array), as: UnsafePointer<Int64>?.self)
        setCount(field, values.count)
    }

    // Inlinable so that each contract type gets its own specialised loop: the generic one
    // looked up type metadata for every element.
    @inlinable
    public func set<M: ProtoMessage>(_ name: ProtoField, messages values: [M]) {
        guard !values.isEmpty else { return }
        let (pointer, field) = slot(name)
        let array = arena.allocate(bytes: values.count * MemoryLayout<UnsafePointer<ProtobufCMessage>?>.stride)
            .bindMemory(to: UnsafePointer<ProtobufCMessage>?.self, capacity: values.count)
        // One writer walks every element, each in fresh arena memory: no object per element.
        let child = ProtoWriter(M.descriptor, arena: arena)
        values.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                if index > 0 { child.message = Self.newMessage(M.descriptor, in: arena) }
                elements[index].write(to: child)
                array[index] = UnsafePointer(child.message)
            }
        }
        pointer.storeBytes(of: UnsafePointer(array), as: UnsafePointer<UnsafePointer<ProtobufCMessage>?>?.self)
        setCount(field, values.count)
    }

    /// The encoded message.
    public func pack() -> [UInt8] {
        let size = protobuf_c_message_get_packed_size(message)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = protobuf_c_message_pack(message, buffer.baseAddress)
        }
    }
}
