/// A Stripe object used as a stamp: its fields are serialized once, and each rendered copy
/// writes only the overridden fields afresh. This keeps generating large datasets fast.
struct ObjectTemplate {
    let base: JSONObject
    private let objectType: String
    private let keyBytes: [[UInt8]]
    private let valueBytes: [[UInt8]]
    private let slots: [String: Int]
    /// The rendered size to reserve: the template's size plus room for longer values.
    private let expectedSize: Int

    init(_ base: JSONObject) {
        self.base = base
        objectType = base["object"]?.stringValue ?? ""
        var keys: [[UInt8]] = []
        var values: [[UInt8]] = []
        var slots: [String: Int] = [:]
        for (index, entry) in base.entries.enumerated() {
            var writer = JSONWriter(reservingCapacity: entry.key.utf8.count + 3)
            writer.writeString(entry.key)
            writer.appendASCII(":")
            keys.append(writer.output)
            values.append(entry.value.bytes)
            slots[entry.key] = index
        }
        keyBytes = keys
        valueBytes = values
        self.slots = slots
        expectedSize = keys.reduce(0) { $0 + $1.count } + values.reduce(0) { $0 + $1.count } + 512
    }

    /// A copy with `overrides` replacing (or, for keys the template lacks, appended to) its
    /// fields. `overrides` must include "id".
    func render(_ overrides: [(String, JSONValue)]) -> StoredObject {
        var chosen = [JSONValue?](repeating: nil, count: keyBytes.count)
        var extras: [(String, JSONValue)] = []
        for (key, value) in overrides {
            if let slot = slots[key] { chosen[slot] = value } else { extras.append((key, value)) }
        }
        var writer = JSONWriter(reservingCapacity: expectedSize)
        writer.appendASCII("{")
        for index in keyBytes.indices {
            if index > 0 { writer.appendASCII(",") }
            writer.appendRaw(keyBytes[index])
            if let value = chosen[index] {
                writer.write(value)
            } else {
                writer.appendRaw(valueBytes[index])
            }
        }
        for (key, value) in extras {
            writer.appendASCII(",")
            writer.writeString(key)
            writer.appendASCII(":")
            writer.write(value)
        }
        writer.appendASCII("}")
        let lookup = { (key: String) in overrides.first { $0.0 == key }?.1 ?? base[key] }
        return StoredObject(
            id: lookup("id")?.stringValue ?? "",
            objectType: objectType,
            created: lookup("created")?.intValue ?? 0,
            eventType: objectType == "event" ? lookup("type")?.stringValue : nil,
            invoice: objectType == "invoice_payment" ? lookup("invoice")?.stringValue : nil,
            bytes: writer.output,
            embeddedItemCount: (lookup("lines") ?? lookup("line_items"))?["data"]?.arrayValue?.count ?? 0
        )
    }
}
