/// One change to a tenant's subscription after onboarding, as Stripe would report it.
enum BillingChange: Sendable, Equatable {
    /// A seat or package change (`customer.subscription.updated`); nil keeps the current value.
    case update(quantity: Int64?, priceID: String?)
    /// The next period starts and its invoice is paid (or fails, leaving the tenant past_due).
    case renew(paid: Bool)
    /// The subscription ends now (`customer.subscription.deleted`).
    case cancel

    /// `{"quantity": 5}`, `{"price": "price_team"}`, `{"renew": true}`, `{"renew": "failed"}`
    /// or `{"cancel": true}`.
    init(json: JSONValue, index: Int) throws {
        guard let change = json.objectValue else {
            throw DatasetError("changes[\(index)] must be an object such as {\"quantity\": 5}")
        }
        if change["cancel"]?.boolValue == true {
            self = .cancel
        } else if let renew = change["renew"], !renew.isNull {
            guard renew.boolValue == true || renew.stringValue == "failed" else {
                throw DatasetError("changes[\(index)].renew must be true or \"failed\"")
            }
            self = .renew(paid: renew.boolValue == true)
        } else {
            let quantity = try BillingLifecycle.positive(
                change["quantity"], name: "changes[\(index)].quantity")
            let price = change["price"]?.stringValue
            guard quantity != nil || price != nil else {
                throw DatasetError(
                    "changes[\(index)] needs quantity, price, renew or cancel; got \(json.text)")
            }
            self = .update(quantity: quantity, priceID: price)
        }
    }
}
