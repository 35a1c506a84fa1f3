import BridgeLog
import Foundation
import StripeClient

/// Reads the rest of every embedded first-page list (see `EmbeddedList`) before an object is
/// mirrored, so the mirror and RevenueQuery hold every invoice line and every line item.
///
/// Only objects whose list says `has_more: true` cost requests: one sub-list walk each, from
/// after the last embedded item, 100 per page, for the same connected account. A failed call
/// throws the client's `StripeError` (after the client's own retries), so the page holding the
/// object is not stored and the run fails the type as it does for a failed list page. The one
/// exception is a parent Stripe no longer has (404): it cannot be completed, so it is kept as
/// read, still saying `has_more: true`, and a warning is logged.
struct EmbeddedListCompleter: Sendable {
    let client: StripeClient
    let account: String
    let logger: Logger

    /// `page` with every object of `type` completed; the page itself when none needed it.
    func complete(_ page: StripeListPage, type: SyncObjectType) throws -> StripeListPage {
        guard EmbeddedList(objectType: type.objectName) != nil else { return page }
        var rawObjects = page.rawObjects
        var changed = false
        for index in rawObjects.indices where Self.mayHaveMore(rawObjects[index]) {
            let parsed = try? JSONSerialization.jsonObject(with: Data(rawObjects[index]))
            guard var object = parsed as? [String: Any], try complete(&object) else { continue }
            rawObjects[index] = try Self.encode(object, type: type)
            changed = true
        }
        guard changed else { return page }
        return StripeListPage(
            heads: page.heads, rawObjects: rawObjects, hasMore: page.hasMore, requestID: page.requestID)
    }

    /// Completes `object`'s embedded list in place; whether anything was fetched and merged.
    ///
    /// An object from an event carries no expand-only list (a session's `line_items`): it gets
    /// the complete list `mirrored` holds when there is one, since a session's items never
    /// change, else the whole sub-list is read.
    func complete(_ object: inout [String: Any], mirrored: [String: Any]? = nil) throws -> Bool {
        guard let type = object["object"] as? String, let list = EmbeddedList(objectType: type),
            let id = object["id"] as? String
        else { return false }
        if list.expandedOnly, object[list.key] == nil || object[list.key] is NSNull {
            if let kept = mirrored?[list.key] as? [String: Any], kept["has_more"] as? Bool == false {
                object[list.key] = kept
                return true
            }
            object[list.key] = ["object": "list", "data": [Any](), "has_more": true, "url": list.path(of: id)]
        }
        guard var embedded = object[list.key] as? [String: Any], embedded["has_more"] as? Bool == true else {
            return false
        }
        var data = embedded["data"] as? [[String: Any]] ?? []
        var seen = Set(data.compactMap { $0["id"] as? String })
        do {
            let path = list.path(of: id)
            let after = data.last?["id"] as? String
            try client.list(path, account: account, pageSize: 100, startingAfter: after) { page in
                for item in page.objects {
                    guard let itemID = item["id"] as? String, seen.insert(itemID).inserted else { continue }
                    data.append(item)
                }
            }
        } catch let error as StripeError where error.kind == .notFound {
            logger.warning(
                "an embedded list stays partial: its object is gone from Stripe",
                ["stripe.type": type, "stripe.id": id, "error": error.description])
            return false
        }
        embedded["data"] = data
        embedded["has_more"] = false
        object[list.key] = embedded
        return true
    }

    /// Whether the raw JSON holds `"has_more"` set to true anywhere: a cheap test that spares
    /// parsing the objects whose embedded lists are already complete.
    static func mayHaveMore(_ json: [UInt8]) -> Bool {
        let key = Array("\"has_more\"".utf8)
        let whitespace: Set<UInt8> = [0x20, 0x0a, 0x0d, 0x09]
        var start = 0
        while start + key.count <= json.count {
            guard let found = firstIndex(of: key, in: json, from: start) else { return false }
            var index = found + key.count
            while index < json.count, whitespace.contains(json[index]) { index += 1 }
            if index < json.count, json[index] == UInt8(ascii: ":") {
                index += 1
                while index < json.count, whitespace.contains(json[index]) { index += 1 }
                if json[index...].starts(with: "true".utf8) { return true }
            }
            start = found + 1
        }
        return false
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The completed object as JSON, keys sorted so the same object always reads the same.
    private static func encode(_ object: [String: Any], type: SyncObjectType) throws -> [UInt8] {
        do {
            let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
            return Array(try JSONSerialization.data(withJSONObject: object, options: options))
        } catch {
            throw StripeError(
                kind: .decoding, status: 0,
                message: "a completed \(type.objectName) could not be written back as JSON: \(error)",
                path: type.listPath)
        }
    }
}
