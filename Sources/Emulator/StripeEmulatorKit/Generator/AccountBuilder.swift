/// Builds one account's objects and the record of its purchases. Everything it draws comes
/// from its own `SplitMix64`, so an account depends only on the seed and its index.
struct AccountBuilder {
    static let day: Int64 = 86_400
    static let currencies = ["usd", "eur", "gbp", "jpy"]

    let accountID: String
    let accountIndex: Int
    let businessName: String
    let epoch: Int64
    let customerCount: Int
    let templates: TemplateSet
    var random: SplitMix64
    var ids: GeneratorIDs
    var data: AccountData
    var records: [PurchaseRecord] = []
    var prices: [GeneratedPrice] = []
    var events: [StoredObject] = []
    var customers: [GeneratedCustomer] = []
    var lastTime: Int64
    var invoiceNumber = 0

    init(
        accountID: String, accountIndex: Int, seed: UInt64, epoch: Int64, customers: Int,
        templates: TemplateSet
    ) {
        self.accountID = accountID
        self.accountIndex = accountIndex
        self.businessName = "Demo Shop \(accountIndex + 1)"
        self.epoch = epoch
        self.customerCount = customers
        self.templates = templates
        self.random = SplitMix64(seed: seed ^ (0x5EED_0000_0000 &+ UInt64(accountIndex) &* 0x9E37_79B9))
        self.ids = GeneratorIDs(accountIndex: accountIndex)
        self.data = .empty(id: accountID)
        self.lastTime = epoch - 200 * Self.day
    }

    mutating func build() -> (AccountData, [PurchaseRecord]) {
        data.account = makeAccountObject()
        makeCatalog()
        for number in 1...max(1, customerCount) where customerCount > 0 {
            makeCustomerWithPurchases(number)
        }
        for _ in 0..<(customerCount / 10 + 1) {
            makeGuestCheckout()
        }
        for _ in 0..<max(1, customerCount / 50) {
            makeNonMoneyPurchases()
        }
        data[.events] = events
        return (data, records)
    }

    mutating func append(_ object: StoredObject, to collection: StripeCollection) {
        data.append(object, to: collection)
    }

    /// Records an event if it falls in the 30 days before the epoch (Stripe keeps 30 days).
    mutating func emitEvent(_ type: String, created: Int64, object: StoredObject) {
        guard created >= epoch - 30 * Self.day else { return }
        let id = ids.make("evt_", &random)
        events.append(
            templates.event.render([
                ("id", .string(id)),
                ("created", .int(created)),
                ("data", .object(JSONObject([("object", .encoded(eventBytes(object)))]))),
                ("livemode", false),
                ("pending_webhooks", 0),
                ("type", .string(type)),
                ("account", .string(accountID)),
            ])
        )
    }

    /// What an event carries (see `StoredObject.bytesAsInEvents`); the generator's own objects
    /// always parse.
    private func eventBytes(_ object: StoredObject) -> [UInt8] {
        (try? object.bytesAsInEvents()) ?? object.bytes
    }

    /// A second in the 400 days before the epoch; one in twenty repeats the previous one so
    /// several objects share a second.
    mutating func randomTime() -> Int64 {
        if random.chance(5) { return lastTime }
        lastTime = epoch - Int64(random.int(in: 0...(400 * 86_400)))
        return lastTime
    }

    /// `time` plus up to `seconds`, never after the epoch.
    mutating func later(_ time: Int64, by seconds: ClosedRange<Int>) -> Int64 {
        min(epoch, time + Int64(random.int(in: seconds)))
    }

    private mutating func makeAccountObject() -> StoredObject {
        let slug = "demo-shop-\(accountIndex + 1)"
        var profile = templates.account.base["business_profile"]?.objectValue ?? JSONObject()
        profile["name"] = .string(businessName)
        profile["url"] = .string("https://\(slug).example")
        profile["support_email"] = .string("support@\(slug).example")
        var settings = templates.account.base["settings"]?.objectValue ?? JSONObject()
        settings.set(path: "dashboard.display_name", .string(businessName))
        return templates.account.render([
            ("id", .string(accountID)),
            ("business_profile", .object(profile)),
            ("business_type", "company"),
            ("created", .int(epoch - 500 * Self.day)),
            ("email", .string("owner@\(slug).example")),
            (
                "external_accounts",
                .object(
                    JSONObject([
                        ("data", .array([])), ("has_more", false), ("object", "list"),
                        ("url", .string("/v1/accounts/\(accountID)/external_accounts")),
                    ])
                )
            ),
            ("settings", .object(settings)),
        ])
    }
}
