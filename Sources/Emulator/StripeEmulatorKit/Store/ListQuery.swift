import HTTPServe

/// The parameters of a Stripe list request, validated.
struct ListQuery: Equatable {
    var limit = 10
    var startingAfter: String?
    var endingBefore: String?
    /// Inclusive bounds on `created`.
    var createdAtLeast: Int64 = .min
    var createdAtMost: Int64 = .max
    /// Event types to keep (`type` or `types[]`); a trailing `*` matches a prefix.
    var eventTypes: [String] = []
    /// Invoice payments of this invoice only.
    var invoice: String?

    init() {}

    init(_ request: HTTPRequest) throws(StripeAPIError) {
        for (name, value) in request.query {
            switch name {
            case "limit":
                guard let number = Int(value), (1...100).contains(number) else {
                    throw .invalidParameter(
                        "limit", "Invalid integer: \(value). limit must be between 1 and 100.",
                        code: "parameter_invalid_integer"
                    )
                }
                limit = number
            case "starting_after": startingAfter = value
            case "ending_before": endingBefore = value
            case "created": try bound(name, value, atLeast: 0, atMost: 0)
            case "created[gt]": try bound(name, value, atLeast: 1, atMost: nil)
            case "created[gte]": try bound(name, value, atLeast: 0, atMost: nil)
            case "created[lt]": try bound(name, value, atLeast: nil, atMost: -1)
            case "created[lte]": try bound(name, value, atLeast: nil, atMost: 0)
            case "type", "types[]", "types": eventTypes.append(value)
            case "invoice": invoice = value
            default: continue
            }
        }
        if startingAfter != nil, endingBefore != nil {
            throw .invalidParameter(
                "ending_before",
                "You may only specify one of these parameters: starting_after, ending_before.",
                code: "parameter_invalid"
            )
        }
    }

    /// Narrows the created range by `value` shifted by the given offsets.
    private mutating func bound(
        _ name: String, _ value: String, atLeast: Int64?, atMost: Int64?
    ) throws(StripeAPIError) {
        guard let number = Int64(value) else {
            throw .invalidParameter(name, "Invalid integer: \(value)", code: "parameter_invalid_integer")
        }
        if let atLeast { createdAtLeast = max(createdAtLeast, number + atLeast) }
        if let atMost { createdAtMost = min(createdAtMost, number + atMost) }
    }

    func matches(_ object: StoredObject) -> Bool {
        guard object.created >= createdAtLeast, object.created <= createdAtMost else { return false }
        if let invoice, object.invoice != invoice { return false }
        if !eventTypes.isEmpty {
            guard let type = object.eventType else { return false }
            return eventTypes.contains { Self.typeMatches(type, pattern: $0) }
        }
        return true
    }

    static func typeMatches(_ type: String, pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return type.hasPrefix(pattern.dropLast()) }
        return type == pattern
    }
}
