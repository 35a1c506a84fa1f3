/// Builds the account objects the emulator needs when a dataset does not provide one.
enum AccountObjectFactory {
    static func minimal(id: String, name: String?) -> StoredObject {
        let object = JSONObject([
            ("id", .string(id)),
            ("object", "account"),
            (
                "business_profile",
                .object(JSONObject([("name", .optional(name)), ("support_email", nil), ("url", nil)]))
            ),
            ("charges_enabled", true),
            ("country", "US"),
            ("created", 1_600_000_000),
            ("default_currency", "usd"),
            ("details_submitted", true),
            ("email", nil),
            ("payouts_enabled", true),
            (
                "settings",
                .object(
                    JSONObject([("dashboard", .object(JSONObject([("display_name", .optional(name))])))]))
            ),
            ("type", "standard"),
        ])
        // The object literal above always has an id and an object type.
        return try! StoredObject(object)
    }
}
