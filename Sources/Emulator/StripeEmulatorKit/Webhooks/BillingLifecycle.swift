import Foundation

/// What a test asks the emulator to play for one tenant: an onboarding checkout for a price
/// and seat count, then changes to the subscription, each turned into Stripe's events.
///
/// Parsed from the JSON body of the billing events control call:
/// `{"tenant_id": "T1", "price": "price_pro", "quantity": 3, "payment": "card",
///   "changes": [{"quantity": 5}, {"renew": true}], "start": 1767225600,
///   "webhook_secret": "whsec_…", "deliver_to": "http://127.0.0.1:8080/webhooks/stripe"}`
struct BillingLifecycle: Sendable, Equatable {
    /// How the onboarding checkout is paid.
    enum Payment: String, Sendable {
        /// Paid during the session: `checkout.session.completed` with `payment_status: paid`.
        case card
        /// A delayed method that succeeds later (`checkout.session.async_payment_succeeded`).
        case delayed
        /// A delayed method that fails (`checkout.session.async_payment_failed`).
        case delayedFailed = "delayed_failed"
    }

    /// Nil until taken from the stored session (`client_reference_id`).
    var tenantID: String?
    /// Nil until taken from the stored session (the price it was created for).
    var priceID: String?
    /// Seats; nil until taken from the stored session, else 1.
    var quantity: Int64?
    /// A session made through `POST /v1/checkout/sessions` to complete instead of a new one.
    var checkoutSessionID: String?
    var payment: Payment
    var currency: String
    var unitAmount: Int64
    var changes: [BillingChange]
    /// The `created` second of the first events; later steps follow it.
    var start: Int64?
    /// Signs with this secret instead of the configured ones.
    var webhookSecret: String?
    /// A loopback URL each signed event is also POSTed to, in order.
    var deliverTo: String?

    init(json: JSONValue) throws {
        guard let body = json.objectValue else {
            throw DatasetError("the billing events body must be a JSON object with \"tenant_id\"")
        }
        tenantID = body["tenant_id"]?.stringValue
        priceID = body["price"]?.stringValue
        checkoutSessionID = body["checkout_session"]?.stringValue
        if checkoutSessionID == nil, (tenantID ?? "").isEmpty || (priceID ?? "").isEmpty {
            throw DatasetError(
                "give \"tenant_id\" and \"price\", or \"checkout_session\" (a session made "
                    + "through POST /v1/checkout/sessions) to take them from")
        }
        quantity = try Self.positive(body["quantity"], name: "quantity")
        let paymentName = body["payment"]?.stringValue ?? Payment.card.rawValue
        guard let payment = Payment(rawValue: paymentName) else {
            throw DatasetError("\"payment\" must be card, delayed or delayed_failed, not \(paymentName)")
        }
        self.payment = payment
        currency = body["currency"]?.stringValue ?? "usd"
        unitAmount = try Self.positive(body["unit_amount"], name: "unit_amount") ?? 1000
        let changeList = body["changes"]?.arrayValue ?? []
        changes = try changeList.enumerated().map { index, item in
            try BillingChange(json: item, index: index)
        }
        start = body["start"]?.intValue
        webhookSecret = body["webhook_secret"]?.stringValue
        deliverTo = body["deliver_to"]?.stringValue
        if payment == .delayedFailed && !changes.isEmpty {
            throw DatasetError(
                "\"changes\" need a paid onboarding; use payment card or delayed, or drop the changes")
        }
    }

    static func positive(_ value: JSONValue?, name: String) throws -> Int64? {
        guard let value, !value.isNull else { return nil }
        guard let number = value.intValue, number > 0 else {
            throw DatasetError("\"\(name)\" must be a whole number above 0")
        }
        return number
    }
}
