/// One event body exactly as it would be delivered, with its `Stripe-Signature` header.
struct SignedEvent: Sendable {
    let id: String
    let type: String
    let payload: [UInt8]
    let signature: String

    /// The answer's entry: the body as a JSON string (decoding it gives the exact bytes back).
    func json(deliveryStatus: String?) -> JSONValue {
        var entry = JSONObject([
            ("id", .string(id)), ("type", .string(type)),
            ("payload", .string(String(decoding: payload, as: UTF8.self))),
            ("stripe_signature", .string(signature)),
        ])
        if let deliveryStatus { entry["delivery"] = .string(deliveryStatus) }
        return .object(entry)
    }
}
