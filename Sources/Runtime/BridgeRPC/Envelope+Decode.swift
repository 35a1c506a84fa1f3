import CContracts
import CProtobufC
import ProtoBridge

extension Envelope {
    /// Decodes one frame body; nil when the bytes are not a valid envelope, or when a string
    /// field holds a NUL byte or is not valid UTF-8.
    public static func decode(_ body: [UInt8]) -> Envelope? {
        body.withUnsafeBytes { decode($0) }
    }

    /// Decodes one frame body in place; nil as for `decode(_:)`.
    public static func decode(_ body: UnsafeRawBufferPointer) -> Envelope? {
        guard case .valid(let envelope)? = decodeChecked(body) else { return nil }
        return envelope
    }

    /// Decodes one frame body in place; nil when protobuf-c cannot unpack it at all.
    ///
    /// Strings are checked as `ProtoMessage` payloads are: C strings would cut one at a NUL,
    /// and `String(cString:)` would repair invalid UTF-8, so either makes the envelope
    /// `.invalid` (its kind and call id are still known). The envelope is small, so its fields
    /// are always walked; the payload is bytes and left to the handler's decoder.
    static func decodeChecked(_ body: UnsafeRawBufferPointer) -> DecodedEnvelope? {
        let bytes = body.assumingMemoryBound(to: UInt8.self)
        let unpacked = stripebridge__rpc__v1__envelope__unpack(nil, bytes.count, bytes.baseAddress)
        guard let message = unpacked else { return nil }
        defer { stripebridge__rpc__v1__envelope__free_unpacked(message, nil) }
        let fields = message.pointee
        let kind: Kind = fields.kind == STRIPEBRIDGE__RPC__V1__ENVELOPE__KIND__RESPONSE ? .response : .request
        if let problem = ProtoStringCheck.firstProblem(in: bytes, of: wireDescriptor) {
            return .invalid(InvalidEnvelope(kind: kind, callID: fields.call_id, problem: problem))
        }
        // Checked above: every string is UTF-8 without a NUL, so nothing is cut or repaired.
        var metadata: [String: String] = [:]
        metadata.reserveCapacity(fields.n_metadata)
        for index in 0..<fields.n_metadata {
            guard let entry = fields.metadata[index]?.pointee else { continue }
            metadata[String(cString: entry.key)] = String(cString: entry.value)
        }
        let payload =
            fields.payload.len == 0
            ? [] : Array(UnsafeBufferPointer(start: fields.payload.data, count: fields.payload.len))
        return .valid(
            Envelope(
                kind: kind, callID: fields.call_id, method: String(cString: fields.method),
                deadlineUnixMs: fields.deadline_unix_ms, metadata: metadata, payload: payload,
                statusCode: fields.status_code, statusMessage: String(cString: fields.status_message)))
    }

    /// The generated descriptor of `stripebridge.rpc.v1.Envelope`.
    static let wireDescriptor = ProtoDescriptor(stripebridge__rpc__v1__envelope__init)
}

/// A frame body protobuf-c unpacked as an envelope: usable, or refused for a string field.
enum DecodedEnvelope: Sendable {
    case valid(Envelope)
    case invalid(InvalidEnvelope)

    var kind: Envelope.Kind {
        switch self {
        case .valid(let envelope): envelope.kind
        case .invalid(let invalid): invalid.kind
        }
    }
}
