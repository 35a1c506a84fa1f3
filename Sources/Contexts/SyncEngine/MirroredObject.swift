import Foundation
import StripeClient

/// One Stripe object as read from a list page or an event, ready to be mirrored.
struct MirroredObject: Sendable {
    let type: String
    let id: String
    let created: Int64
    let json: [UInt8]
    let deleted: Bool

    init(head: StripeObjectHead, json: [UInt8]) {
        type = head.object
        id = head.id
        created = head.created ?? 0
        self.json = json
        deleted = head.deleted ?? false
    }

    /// Reads the fields the mirror needs; nil when the object has no id or no `object` name.
    init?(dictionary: [String: Any], json: [UInt8]) {
        guard let id = dictionary["id"] as? String, !id.isEmpty,
            let type = dictionary["object"] as? String, !type.isEmpty
        else { return nil }
        self.type = type
        self.id = id
        self.created = (dictionary["created"] as? Int).map(Int64.init) ?? 0
        self.json = json
        self.deleted = (dictionary["deleted"] as? Bool) ?? false
    }
}
