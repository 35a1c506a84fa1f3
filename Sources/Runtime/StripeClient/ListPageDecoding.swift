import Foundation

/// Decodes a Stripe list response (`{"object":"list","data":[…],"has_more":…}`): the heads of its
/// objects through JSONDecoder, and each object's original bytes by slicing the body.
enum ListPageDecoding {
    private struct Envelope: Decodable {
        let data: [StripeObjectHead]
        let hasMore: Bool

        enum CodingKeys: String, CodingKey {
            case data
            case hasMore = "has_more"
        }
    }

    static func page(_ response: StripeResponse, path: String) throws -> StripeListPage {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(response.body))
        } catch {
            throw failure(
                "expected a list of objects with \"id\" and \"object\", and \"has_more\": \(error)",
                response, path)
        }
        guard let ranges = JSONListSlicer.dataElements(in: response.body), ranges.count == envelope.data.count
        else {
            throw failure("the list's \"data\" array could not be sliced into its objects", response, path)
        }
        return StripeListPage(
            heads: envelope.data, rawObjects: ranges.map { Array(response.body[$0]) },
            hasMore: envelope.hasMore, requestID: response.requestID
        )
    }

    private static func failure(_ message: String, _ response: StripeResponse, _ path: String) -> StripeError {
        StripeError(
            kind: .decoding, status: response.status, message: message, requestID: response.requestID, path: path
        )
    }
}
