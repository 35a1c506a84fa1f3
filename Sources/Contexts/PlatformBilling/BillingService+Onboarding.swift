import BridgeRPC
import Contracts

extension BillingService {
    /// Creates (or, for a repeated click, finds again) the Checkout Session in subscription mode
    /// for the package's price. Stripe replays the first answer for the same idempotency key.
    func createOnboardingCheckout(_ request: BillingV1.CreateOnboardingCheckoutRequest) throws
        -> BillingV1.CreateOnboardingCheckoutResponse
    {
        try Self.require(request.tenantId, "tenant_id")
        try Self.require(request.packageId, "package_id")
        try Self.require(request.successUrl, "success_url")
        guard let package = try store.package(request.packageId) else {
            throw BillingFailure.unknownPackage(request.packageId)
        }
        let key =
            request.idempotencyKey.isEmpty
            ? "onboarding-\(request.tenantId)-\(request.packageId)" : request.idempotencyKey
        var form: [(String, String)] = [
            ("mode", "subscription"),
            ("line_items[0][price]", package.stripePriceId),
            ("line_items[0][quantity]", "\(max(package.includedSeats, 1))"),
            ("client_reference_id", request.tenantId),
            ("metadata[tenant_id]", request.tenantId),
            ("subscription_data[metadata][tenant_id]", request.tenantId),
            ("success_url", request.successUrl),
        ]
        if !request.cancelUrl.isEmpty { form.append(("cancel_url", request.cancelUrl)) }
        let session: [String: Any]
        do {
            session = try stripe.createCheckoutSession(form: form, idempotencyKey: key)
        } catch {
            throw RPCError(
                .unavailable, "Stripe did not create the checkout session; try again", cause: "\(error)")
        }
        guard let sessionID = session.string("id"), let url = session.string("url") else {
            throw RPCError(.internal, "Stripe answered without a checkout session id and url")
        }
        try store.database.transaction {
            try store.recordCreatedCheckout(
                sessionID: sessionID, tenantID: request.tenantId, packageID: package.packageId, url: url,
                now: clock())
        }
        return BillingV1.CreateOnboardingCheckoutResponse(sessionId: sessionID, url: url)
    }
}
