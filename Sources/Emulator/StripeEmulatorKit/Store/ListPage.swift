/// One page of a list, rendered in Stripe's list shape.
struct ListPage {
    let objects: [StoredObject]
    let hasMore: Bool
    let url: String

    /// Picks the page `query` asks for from `index`; an unknown cursor id is an error.
    init(index: ObjectIndex, query: ListQuery, url: String, objectType: String) throws(StripeAPIError) {
        self.url = url
        let entries = index.entries
        var picked: [StoredObject] = []
        if let cursor = query.endingBefore {
            guard let start = index.position(ofID: cursor) else {
                throw .noSuchObject(objectType, cursor, param: "ending_before")
            }
            var position = start - 1
            while position >= 0, picked.count <= query.limit {
                let entry = entries[position]
                if entry.created > query.createdAtMost { break }
                if query.matches(entry.object) { picked.append(entry.object) }
                position -= 1
            }
            hasMore = picked.count > query.limit
            objects = Array(picked.prefix(query.limit).reversed())
            return
        }
        var position = index.firstIndex(createdAtMost: query.createdAtMost)
        if let cursor = query.startingAfter {
            guard let found = index.position(ofID: cursor) else {
                throw .noSuchObject(objectType, cursor, param: "starting_after")
            }
            position = max(position, found + 1)
        }
        while position < entries.count, picked.count <= query.limit {
            let entry = entries[position]
            if entry.created < query.createdAtLeast { break }
            if query.matches(entry.object) { picked.append(entry.object) }
            position += 1
        }
        hasMore = picked.count > query.limit
        objects = Array(picked.prefix(query.limit))
    }

    var json: [UInt8] {
        var writer = JSONWriter(reservingCapacity: objects.reduce(128) { $0 + $1.bytes.count + 1 })
        writer.appendASCII("{\"object\":\"list\",\"data\":[")
        for (index, object) in objects.enumerated() {
            if index > 0 { writer.appendASCII(",") }
            writer.appendRaw(object.bytes)
        }
        writer.appendASCII("],\"has_more\":\(hasMore),\"url\":")
        writer.writeString(url)
        writer.appendASCII("}")
        return writer.output
    }
}
