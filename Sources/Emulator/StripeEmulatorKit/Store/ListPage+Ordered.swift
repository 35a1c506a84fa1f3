extension ListPage {
    /// A page of `items` kept in a fixed order (a parent's lines), following `limit`,
    /// `starting_after` and `ending_before`; an unknown cursor id is an error. `created`
    /// bounds do not apply.
    init(
        ordered items: [StoredObject], query: ListQuery, url: String, itemType: String
    ) throws(StripeAPIError) {
        self.url = url
        var start = 0
        var end = items.count
        if let cursor = query.startingAfter {
            guard let found = items.firstIndex(where: { $0.id == cursor }) else {
                throw .noSuchObject(itemType, cursor, param: "starting_after")
            }
            start = found + 1
        } else if let cursor = query.endingBefore {
            guard let found = items.firstIndex(where: { $0.id == cursor }) else {
                throw .noSuchObject(itemType, cursor, param: "ending_before")
            }
            end = found
            start = max(0, end - query.limit)
            hasMore = start > 0
            objects = Array(items[start..<end])
            return
        }
        let stop = min(end, start + query.limit)
        objects = Array(items[start..<stop])
        hasMore = stop < end
    }
}
