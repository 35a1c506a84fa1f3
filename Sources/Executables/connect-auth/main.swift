import AccessControl
import BridgeRPC
import ConnectAuth
import Outbox
import ServiceKit
import StripeClient

// ConnectAuth: links each business to its Stripe account through Connect OAuth.
let launch = ServiceLaunch.prepare(
    service: "connect_auth",
    secrets: [
        .stripeSecretKey, .stripeConnectClientID, .stateKey, .grantKey, .stripeConnectWebhookSecret,
    ]
)
let database = launch.openDatabase()
let server = launch.server()
do {
    let syncClient = launch.client(of: "sync_engine")
    let relay = OutboxRelay(
        store: try ConnectService.outbox(of: database),
        clients: ["/stripebridge.sync.v1.": syncClient],
        logger: launch.logger
    )
    // Status reads account names with one try and a short timeout so it never waits on Stripe.
    var quickSettings = StripeClientSettings(
        apiBase: launch.config.stripe.apiBase, connectBase: launch.config.stripe.connectBase,
        apiVersion: launch.config.stripe.version, secretKey: launch.secrets.stripeSecretKey
    )
    quickSettings.maxRetries = 0
    quickSettings.requestTimeoutSeconds = 2
    let service = try ConnectService(
        database: database, stripe: launch.stripeClient(),
        accountReader: StripeClient(settings: quickSettings, logger: launch.logger),
        settings: launch.config.connect, connectBase: launch.config.stripe.connectBase,
        clientID: launch.secrets.stripeConnectClientID, stateKey: launch.secrets.stateKey,
        access: AccessGuard(key: launch.secrets.grantKey),
        webhookSecrets: [launch.secrets.stripeConnectWebhookSecret],
        syncClient: syncClient, relay: relay, logger: launch.logger
    )
    service.register(on: server)
    relay.start()
    try ServiceRunner.run(server: server, logger: launch.logger) {
        relay.stop()
        database.close()
    }
} catch {
    ServiceLaunch.fail("\(error)", logger: launch.logger)
}
