import Foundation

/// Decodes a Stripe list response (`{"object":"list","data":[…],"has_more":…}`).
enum ListPageDecoding {
    static func page(_ response: StripeResponse, path: String) throws -> StripeListPage {
        let json = try response.jsonObject(path: path)
        guard let objects = json["data"] as? [[String: Any]], let hasMore = json["has_more"] as? Bool else {
            throw StripeError(
                kind: .decoding, status: response.status,
                message: "expected a list with \"data\" objects and \"has_more\"",
                requestID: response.requestID, path: path
            )
        }
        return StripeListPage(
            objects: objects,
            rawObjects: try raw(objects, body: response.body, response: response, path: path),
            hasMore: hasMore, requestID: response.requestID
        )
    }

    /// The original bytes of each object; re-serialised only if the body cannot be sliced.
    private static func raw(
        _ objects: [[String: Any]], body: [UInt8], response: StripeResponse, path: String
    ) throws -> [[UInt8]] {
        if let ranges = JSONListSlicer.dataElements(in: body), ranges.count == objects.count {
            return ranges.map { Array(body[$0]) }
        }
        do {
            return try objects.map {
                Array(try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]))
            }
        } catch {
            throw StripeError(
                kind: .decoding, status: response.status,
                message: "cannot re-encode a list object: \(error)",
                requestID: response.requestID, path: path
            )
        }
    }
}
