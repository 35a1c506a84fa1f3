/// Reading and trimming the embedded list of a stored parent.
extension EmbeddedLineList {
    /// The parent trimmed to its first page with `has_more: true`, and every item of its list;
    /// nil when the list fits in a first page (the parent is then served as stored).
    func split(_ parent: StoredObject) throws -> (served: StoredObject, items: [StoredObject])? {
        guard parent.embeddedItemCount > Self.firstPageSize else { return nil }
        var object = try parent.json()
        guard var list = object[key]?.objectValue, let data = list["data"]?.arrayValue else { return nil }
        list["data"] = .array(Array(data.prefix(Self.firstPageSize)))
        list["has_more"] = true
        object[key] = .object(list)
        let served = StoredObject(
            id: parent.id, objectType: parent.objectType, created: parent.created,
            eventType: parent.eventType, invoice: parent.invoice, bytes: JSONValue.object(object).bytes,
            embeddedItemCount: Self.firstPageSize)
        return (served, data.map(item))
    }

    /// The items embedded in `parent` as stored.
    func items(of parent: StoredObject) throws -> [StoredObject] {
        try parent.json()[key]?["data"]?.arrayValue?.map(item) ?? []
    }

    private func item(_ value: JSONValue) -> StoredObject {
        StoredObject(
            id: value["id"]?.stringValue ?? "", objectType: value["object"]?.stringValue ?? itemType,
            created: 0, eventType: nil, invoice: nil, bytes: value.bytes, embeddedItemCount: 0)
    }
}
