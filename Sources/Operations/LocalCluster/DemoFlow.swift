import AccessControl
import BridgeRPC
import Contracts
import Foundation
import StripeClient

/// The main job end to end against a running cluster: a business connects its Stripe account
/// through the OAuth flow, is synced, and its revenue is looked up by email.
public struct DemoFlow: Sendable {
    public let cluster: LocalCluster
    private let browser: StripeClient

    public init(cluster: LocalCluster) {
        self.cluster = cluster
        browser = StripeClient(
            settings: StripeClientSettings(
                apiBase: cluster.stripeBase, connectBase: cluster.stripeBase,
                apiVersion: "2026-07-29.dahlia", secretKey: "unused-by-the-browser-step"
            ),
            logger: .init(label: "demo.browser")
        )
    }

    /// A grant for agency staff of `business`, signed with the cluster's grant key, as the main
    /// application would send it.
    public func grant(business: String, role: AccessGrant.Role = .agency) -> [String: String] {
        AccessGuard.metadata(
            userID: "demo-user", businessID: business, role: role,
            key: cluster.environment["STRIPEBRIDGE_GRANT_KEY"] ?? ""
        )
    }

    /// Asks ConnectAuth for the connect URL, follows it as the user's browser would, and hands
    /// Stripe's redirect back to ConnectAuth's callback.
    public func connect(
        business: String, flow: ConnectV1.Flow = .agency, extraAuthorizeQuery: String = ""
    ) throws -> ConnectV1.CompleteCallbackResponse {
        let connect = cluster.client("connect_auth")
        defer { connect.close() }
        let url = try connect.call(
            ConnectV1.ConnectAuth.connectURL, .init(businessId: business, flow: flow),
            metadata: grant(business: business, role: flow == .clientPortal ? .client : .agency)
        ).url
        let location = try browser.redirectLocation(of: url + extraAuthorizeQuery)
        let query = Dictionary(
            (URLComponents(string: location)?.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first }
        )
        let callback = ConnectV1.CompleteCallbackRequest(
            code: query["code"] ?? "", state: query["state"] ?? "", error: query["error"] ?? "",
            errorDescription: query["error_description"] ?? "", scope: query["scope"] ?? ""
        )
        return try connect.call(ConnectV1.ConnectAuth.completeCallback, callback)
    }

    /// Runs a manual sync and waits until its data is visible in RevenueQuery. The link fact
    /// may still be on its way from ConnectAuth, so a not-yet-linked answer is retried briefly.
    public func syncAndWait(business: String, timeout: Duration = .seconds(300)) throws -> SyncV1.SyncJob {
        let sync = cluster.client("sync_engine")
        defer { sync.close() }
        let request = SyncV1.SyncRequest(businessId: business, trigger: .manual, wait: true)
        let giveUp = ContinuousClock.now.advanced(by: .seconds(15))
        while true {
            do {
                return try sync.call(
                    SyncV1.SyncEngine.sync, request, timeout: timeout, metadata: grant(business: business)
                ).job ?? .init()
            } catch let error as RPCError where error.code == .failedPrecondition && ContinuousClock.now < giveUp {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    public func summaries(business: String, emails: [String]) throws -> RevenueV1.SummaryByEmailsResponse {
        let revenue = cluster.client("revenue_query")
        defer { revenue.close() }
        return try revenue.call(
            RevenueV1.RevenueQuery.summaryByEmails, .init(businessId: business, emails: emails),
            metadata: grant(business: business)
        )
    }

    public func topCustomers(business: String, currency: String, limit: Int32) throws
        -> RevenueV1.TopCustomersResponse
    {
        let revenue = cluster.client("revenue_query")
        defer { revenue.close() }
        return try revenue.call(
            RevenueV1.RevenueQuery.topCustomers, .init(businessId: business, currency: currency, limit: limit),
            metadata: grant(business: business)
        )
    }
}
