import Foundation
import HTTPServe

/// The platform account's billing endpoints: retrieving a subscription, creating Checkout
/// Sessions (idempotent per `Idempotency-Key`), and the control call that sets a subscription.
extension EmulatorCore {
    /// Answers the billing endpoints, or nil for any other request.
    func handleBilling(_ request: HTTPRequest, accountID: String) throws(StripeAPIError)
        -> HTTPResponse?
    {
        let prefix = "/v1/subscriptions/"
        if request.method == "GET", request.path.hasPrefix(prefix) {
            let id = String(request.path.dropFirst(prefix.count))
            guard let bytes = billing.subscription(id) else { throw .noSuchObject("subscription", id) }
            return jsonResponse(bytes)
        }
        guard request.method == "POST", request.path == "/v1/checkout/sessions" else { return nil }
        let form = request.formValues()
        let flat = form.map { "\($0.0)=\($0.1)" }.sorted()
        let body = try billing.replayOrCreate(key: request.header("Idempotency-Key"), form: flat) {
            () throws(StripeAPIError) -> [UInt8] in
            try makeCheckoutSession(form, accountID: accountID)
        }
        guard let body else {
            throw StripeAPIError(
                status: 400, type: "idempotency_error", code: nil,
                message: "Keys for idempotent requests can only be used with the same parameters they "
                    + "were first used with.", param: nil)
        }
        return jsonResponse(body)
    }

    private func makeCheckoutSession(_ form: [(String, String)], accountID: String)
        throws(StripeAPIError)
        -> [UInt8]
    {
        func value(_ name: String) -> String? { form.first { $0.0 == name }?.1 }
        guard value("mode") == "subscription" else {
            throw .invalidParameter(
                "mode", "The emulator creates only mode=subscription sessions.", code: "parameter_invalid")
        }
        guard let price = value("line_items[0][price]") else {
            throw .invalidParameter(
                "line_items", "A subscription session needs line_items[0][price].",
                code: "parameter_missing")
        }
        let id = ids.make("cs_test_", length: 40)
        var metadata = JSONObject()
        for (key, text) in form where key.hasPrefix("metadata[") && key.hasSuffix("]") {
            metadata[String(key.dropFirst("metadata[".count).dropLast())] = .string(text)
        }
        let session = JSONObject([
            ("id", .string(id)), ("object", "checkout.session"), ("mode", "subscription"),
            ("status", "open"), ("payment_status", "unpaid"),
            ("url", .string("https://checkout.stripe.com/c/pay/\(id)")),
            ("client_reference_id", .optional(value("client_reference_id"))),
            ("customer", nil), ("subscription", nil), ("metadata", .object(metadata)),
            ("success_url", .optional(value("success_url"))), ("livemode", false),
            ("created", .int(Int64(Date().timeIntervalSince1970))), ("_price", .string(price)),
            ("_quantity", .optional(value("line_items[0][quantity]").flatMap { Int64($0) })),
        ])
        guard let stored = try? StoredObject(session) else { return JSONValue.object(session).bytes }
        try? data.upsert(stored, into: accountID)
        return stored.bytes
    }

    /// `POST /_emulator/billing/subscriptions`: a subscription object (`"object":
    /// "subscription"`) is stored as the platform's subscription and echoed. A lifecycle
    /// (`{"tenant_id", "price", "quantity", "payment", "changes", …}`, see `BillingLifecycle`)
    /// is played instead: the answer lists its events in Stripe's order, each body with its
    /// `Stripe-Signature`, and the final subscription is what `GET /v1/subscriptions/{id}` serves.
    func putBillingSubscription(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try JSONValue.parse(request.body)
        guard let object = body.objectValue else {
            throw DatasetError("the body must be a subscription object or a lifecycle with \"tenant_id\"")
        }
        if object["object"] == nil, object["tenant_id"] != nil || object["checkout_session"] != nil {
            let emitter = BillingEventsEmitter(data: data, billing: billing, ids: ids)
            let now = Int64(Date().timeIntervalSince1970)
            return jsonResponse(try emitter.emit(BillingLifecycle(json: body), now: now).bytes)
        }
        guard let id = object["id"]?.stringValue, object["object"]?.stringValue == "subscription" else {
            throw DatasetError(
                "the body must be one subscription object with \"id\" and \"object\", or a lifecycle "
                    + "with \"tenant_id\" and \"price\"")
        }
        let bytes = JSONValue.object(object).bytes
        billing.putSubscription(id: id, bytes: bytes)
        return jsonResponse(bytes)
    }
}
