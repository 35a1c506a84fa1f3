import ProtoBridge

/// An envelope protobuf-c unpacked whose string field holds a NUL byte or invalid UTF-8: its
/// method, metadata and status cannot be read as sent, but its call can still be answered.
struct InvalidEnvelope: Error, Sendable, CustomStringConvertible {
    let kind: Envelope.Kind
    let callID: UInt64
    let problem: ProtoStringProblem

    /// Names the field, never its bytes: `the envelope's method holds a NUL byte; …`.
    var description: String { "the envelope's \(problem)" }
}
