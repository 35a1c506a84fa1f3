import Foundation
import StripeClient

/// What PlatformBilling asks of the platform's own Stripe account.
public protocol BillingStripeAPI: Sendable {
    /// `GET /v1/subscriptions/{id}`: the subscription as Stripe holds it now.
    func currentSubscription(id: String) throws -> [String: Any]
    /// `POST /v1/checkout/sessions` with `Idempotency-Key`; returns the session.
    func createCheckoutSession(form: [(String, String)], idempotencyKey: String) throws -> [String:
        Any]
}

extension StripeClient: BillingStripeAPI {
    public func currentSubscription(id: String) throws -> [String: Any] {
        let safeID = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
        let path = "/v1/subscriptions/" + safeID
        return try get(path).jsonObject(path: path)
    }

    public func createCheckoutSession(form: [(String, String)], idempotencyKey: String) throws
        -> [String: Any]
    {
        let path = "/v1/checkout/sessions"
        return try post(path, form: form, idempotencyKey: idempotencyKey).jsonObject(path: path)
    }
}
