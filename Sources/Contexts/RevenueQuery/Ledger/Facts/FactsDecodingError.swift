/// A Stripe object whose JSON could not be read as the facts the ledger needs.
///
/// The description names the object type and the field path, never a field's value, so it is
/// safe to log (values may be emails).
public struct FactsDecodingError: Error, Sendable, CustomStringConvertible {
    /// Stripe's `object` value of the object that failed, e.g. `"charge"`.
    public let objectType: String
    /// Dotted path of the field that was wrong, empty when the JSON itself was unreadable.
    public let fieldPath: String
    /// What was wrong, without any value from the object.
    public let reason: String

    public var description: String {
        let field = fieldPath.isEmpty ? "" : " at '\(fieldPath)'"
        return "Cannot read Stripe \(objectType)\(field): \(reason). "
            + "Check that the stored JSON is the raw object at API version 2026-07-29.dahlia."
    }

    init(objectType: String, decodingError: DecodingError) {
        self.objectType = objectType
        switch decodingError {
        case .typeMismatch(let type, let context):
            fieldPath = Self.path(context.codingPath)
            reason = "expected \(type)"
        case .valueNotFound(let type, let context):
            fieldPath = Self.path(context.codingPath)
            reason = "required \(type) is null"
        case .keyNotFound(let key, let context):
            fieldPath = Self.path(context.codingPath + [key])
            reason = "required field is missing"
        case .dataCorrupted(let context):
            fieldPath = Self.path(context.codingPath)
            reason = context.codingPath.isEmpty ? "not valid JSON" : "value is corrupted"
        @unknown default:
            fieldPath = ""
            reason = "unreadable JSON"
        }
    }

    init(objectType: String, fieldPath: String, reason: String) {
        self.objectType = objectType
        self.fieldPath = fieldPath
        self.reason = reason
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
