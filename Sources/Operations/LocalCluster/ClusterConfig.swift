import Foundation

/// Writes the `services.yaml` of a cluster living in one folder, pointing at a Stripe base URL.
public enum ClusterConfig {
    public static func write(to path: String, stripeBase: String) throws {
        let text = """
            # Written by the local cluster; every path is relative to this file.
            stripe:
              api_base: \(stripeBase)
              connect_base: \(stripeBase)
              version: 2026-07-29.dahlia
              max_retries: 4
              requests_per_second: 200
              account_requests_per_second: 100
            connect:
              redirect_uri: http://127.0.0.1:8080/api/stripe/oauth/callback
              agency_return_url: http://127.0.0.1:8080/settings/stripe
              client_return_url: http://127.0.0.1:8080/portal/stripe
              state_ttl_seconds: 600
              allow_shared_accounts: false
              deauthorize_on_disconnect: false
            sync:
              daily_at: "03:00"
              spread_minutes: 60
              overlap_seconds: 3600
              max_concurrent: 4
            services:
              connect_auth:     { socket: run/connect-auth.sock,     database: data/connect-auth.sqlite }
              sync_engine:      { socket: run/sync-engine.sock,      database: data/sync-engine.sqlite }
              revenue_query:    { socket: run/revenue-query.sock,    database: data/revenue-query.sqlite }
              platform_billing: { socket: run/platform-billing.sock, database: data/platform-billing.sqlite }

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
