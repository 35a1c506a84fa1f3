/// The pages of one list, fetched one at a time newest first, following `starting_after`.
struct ListWalk: Sendable {
    let client: StripeClient
    let path: String
    let baseQuery: [(String, String)]
    let account: String?
    private var cursor: String?
    private var finished = false

    init(
        client: StripeClient, path: String, query: [(String, String)], account: String?, pageSize: Int,
        cursor: String?
    ) {
        self.client = client
        self.path = path
        self.account = account
        self.cursor = cursor
        let limit = min(max(pageSize, 1), 100)
        baseQuery = query.filter { $0.0 != "limit" && $0.0 != "starting_after" } + [("limit", "\(limit)")]
    }

    /// The next page, or nil after the last one.
    mutating func next() throws -> StripeListPage? {
        guard !finished else { return nil }
        let response = try client.get(
            path, query: baseQuery + (cursor.map { [("starting_after", $0)] } ?? []),
            account: account)
        let page = try ListPageDecoding.page(response, path: path)
        guard page.hasMore else {
            finished = true
            return page
        }
        guard let last = page.heads.last?.id, last != cursor else {
            throw StripeError(
                kind: .decoding, status: response.status,
                message: "has_more is true but the page ends without a new object id to continue after",
                requestID: response.requestID, path: path
            )
        }
        cursor = last
        return page
    }
}
