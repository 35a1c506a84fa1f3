extension StoredObject {
    /// The object as an event's `data.object` carries it: Stripe expands nothing in events, so a
    /// Checkout Session comes without its `line_items`.
    func bytesAsInEvents() throws -> [UInt8] {
        guard objectType == "checkout.session", var object = try JSONValue.parse(bytes).objectValue,
            object.removeValue(forKey: "line_items") != nil
        else { return bytes }
        return JSONValue.object(object).bytes
    }
}
