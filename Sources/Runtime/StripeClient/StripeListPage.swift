import Foundation

/// One page of a Stripe list, newest object first.
///
/// Only each object's head is decoded up front; the whole object stays as the bytes Stripe
/// sent, and is parsed into a dictionary only when `objects` is asked for.
public struct StripeListPage: Sendable {
    public let heads: [StripeObjectHead]
    /// `rawObjects[i]` is the JSON text of object i, byte for byte as Stripe sent it.
    public let rawObjects: [[UInt8]]
    public let hasMore: Bool
    public let requestID: String?

    public init(heads: [StripeObjectHead], rawObjects: [[UInt8]], hasMore: Bool, requestID: String?) {
        self.heads = heads
        self.rawObjects = rawObjects
        self.hasMore = hasMore
        self.requestID = requestID
    }

    /// Decodes a list response body (`{"object":"list","data":[…],"has_more":…}`).
    public init(decoding body: [UInt8], requestID: String? = nil) throws {
        self = try ListPageDecoding.page(
            StripeResponse(status: 200, body: body, requestID: requestID, headers: [:]), path: "(list body)"
        )
    }

    /// Every object parsed whole; costs a full JSON parse of the page.
    public var objects: [[String: Any]] {
        rawObjects.map { raw in
            ((try? JSONSerialization.jsonObject(with: Data(raw))) as? [String: Any]) ?? [:]
        }
    }
}
