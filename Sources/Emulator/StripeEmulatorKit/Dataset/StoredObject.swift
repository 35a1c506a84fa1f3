/// One Stripe object kept as its JSON bytes, with the few fields lists filter on.
public struct StoredObject: Sendable, Equatable {
    public let id: String
    /// The `object` field (`"charge"`).
    public let objectType: String
    /// Seconds since 1970; 0 when the object has none.
    public let created: Int64
    /// An event's `type`; nil for other objects.
    public let eventType: String?
    /// An invoice payment's `invoice`; nil for other objects.
    public let invoice: String?
    public let bytes: [UInt8]
    /// How many items the embedded `lines` or `line_items` list holds (0 without one), so the
    /// store finds the long ones to trim without reading every object again.
    let embeddedItemCount: Int

    /// Serializes `object`; it must have string `id` and `object` fields.
    public init(_ object: JSONObject) throws {
        guard let id = object["id"]?.stringValue, !id.isEmpty else {
            throw DatasetError("an object has no string \"id\"; every Stripe object needs one")
        }
        guard let type = object["object"]?.stringValue else {
            throw DatasetError("object \(id) has no string \"object\" field (e.g. \"charge\")")
        }
        self.id = id
        self.objectType = type
        self.created = object["created"]?.intValue ?? 0
        self.eventType = object["type"]?.stringValue
        self.invoice = object["invoice"]?.stringValue
        self.bytes = JSONValue.object(object).bytes
        self.embeddedItemCount = Self.embeddedItemCount(of: object)
    }

    init(
        id: String, objectType: String, created: Int64, eventType: String?, invoice: String?, bytes: [UInt8],
        embeddedItemCount: Int
    ) {
        self.id = id
        self.objectType = objectType
        self.created = created
        self.eventType = eventType
        self.invoice = invoice
        self.bytes = bytes
        self.embeddedItemCount = embeddedItemCount
    }

    /// The length of `object`'s embedded `lines` or `line_items` data; 0 without one.
    static func embeddedItemCount(of object: JSONObject) -> Int {
        (object["lines"] ?? object["line_items"])?["data"]?.arrayValue?.count ?? 0
    }

    /// Reads one object from `parser`, keeping its bytes and parsing only the indexed fields.
    init(skimming parser: inout JSONParser) throws {
        parser.skipWhitespace()
        let start = parser.position
        var id: String?
        var type: String?
        var created: Int64?
        var eventType: String?
        var invoice: String?
        var embeddedItemCount = 0
        try parser.forEachRawKey { key, parser in
            if parser.bytes(in: key, equal: "id") {
                id = try parser.parseValue().stringValue
            } else if parser.bytes(in: key, equal: "object") {
                type = try parser.parseValue().stringValue
            } else if parser.bytes(in: key, equal: "created") {
                created = try parser.parseValue().intValue
            } else if parser.bytes(in: key, equal: "type") {
                eventType = try parser.parseValue().stringValue
            } else if parser.bytes(in: key, equal: "invoice") {
                invoice = try parser.parseValue().stringValue
            } else if parser.bytes(in: key, equal: "lines") || parser.bytes(in: key, equal: "line_items") {
                embeddedItemCount = try Self.countListItems(&parser)
            } else {
                try parser.skipValue()
            }
        }
        guard let id, !id.isEmpty else {
            throw DatasetError("the object at byte \(start) has no string \"id\"")
        }
        guard let type else {
            throw DatasetError("object \(id) has no string \"object\" field (e.g. \"charge\")")
        }
        self.id = id
        self.objectType = type
        self.created = created ?? 0
        self.eventType = type == "event" ? eventType : nil
        self.invoice = type == "invoice_payment" ? invoice : nil
        self.bytes = Array(parser.bytes[start..<parser.position])
        self.embeddedItemCount = embeddedItemCount
    }

    /// Skips a list object (`{"data":[…],…}`, or anything else), counting its `data` items.
    private static func countListItems(_ parser: inout JSONParser) throws -> Int {
        guard try parser.peek() == UInt8(ascii: "{") else {
            try parser.skipValue()
            return 0
        }
        var count = 0
        try parser.forEachRawKey { key, parser in
            guard parser.bytes(in: key, equal: "data"), try parser.peek() == UInt8(ascii: "[") else {
                try parser.skipValue()
                return
            }
            try parser.forEachElement { parser in
                try parser.skipValue()
                count += 1
            }
        }
        return count
    }

    /// The object parsed back into a tree.
    public func json() throws -> JSONObject {
        guard let object = try JSONValue.parse(bytes).objectValue else {
            throw DatasetError("stored object \(id) is not a JSON object")
        }
        return object
    }
}
