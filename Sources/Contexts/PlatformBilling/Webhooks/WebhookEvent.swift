import Foundation

/// The parts of a Stripe event that PlatformBilling reads, decoded from the raw body.
struct WebhookEvent {
    let id: String
    let type: String
    /// Seconds; Stripe's resolution is one second, so two events may share it.
    let created: Int64
    let object: [String: Any]

    init(payload: [UInt8]) throws(WebhookEventError) {
        let decoded = try? JSONSerialization.jsonObject(with: Data(payload))
        guard let event = decoded as? [String: Any] else { throw .notAnObject }
        guard let id = event.string("id"), !id.isEmpty else { throw .missingField("id") }
        guard let type = event.string("type"), !type.isEmpty else { throw .missingField("type") }
        guard let created = event.int("created") else { throw .missingField("created") }
        guard let object = event.object("data.object") else { throw .missingField("data.object") }
        self.id = id
        self.type = type
        self.created = created
        self.object = object
    }
}

/// A signed body that is not a usable Stripe event.
enum WebhookEventError: Error, CustomStringConvertible {
    case notAnObject
    case missingField(String)

    var description: String {
        switch self {
        case .notAnObject: "the webhook body is not a JSON object; send the event exactly as Stripe did"
        case .missingField(let name):
            "the webhook event has no \(name); send the event exactly as Stripe did"
        }
    }
}
