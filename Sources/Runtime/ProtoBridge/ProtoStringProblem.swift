/// A string field that cannot be handed over as Swift text: it holds a NUL byte (which C strings
/// would cut short) or bytes that are not UTF-8 (which proto3 forbids in strings).
///
/// Names the field only; the field's bytes never appear in the description.
public struct ProtoStringProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case nul, invalidUTF8
    }

    /// Dotted path from the message walked, e.g. `summaries.totals.currency`; empty when the
    /// field could not be located.
    public let field: String
    public let kind: Kind

    public init(field: String, kind: Kind) {
        self.field = field
        self.kind = kind
    }

    /// `emails holds a NUL byte; …` or `emails is not valid UTF-8; …`.
    public var description: String {
        let subject = field.isEmpty ? "a string field" : field
        switch kind {
        case .nul: return "\(subject) holds a NUL byte; strings must not contain U+0000"
        case .invalidUTF8: return "\(subject) is not valid UTF-8; strings must be UTF-8 text"
        }
    }
}
