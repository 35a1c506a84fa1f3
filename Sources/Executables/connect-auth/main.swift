import BridgeRPC
import ConnectAuth
import Outbox
import ServiceKit

// ConnectAuth: links each business to its Stripe account through Connect OAuth.
let launch = ServiceLaunch.prepare(
    service: "connect_auth", secrets: [.stripeSecretKey, .stripeConnectClientID, .stateKey]
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
    let service = try ConnectService(
        database: database, stripe: launch.stripeClient(), settings: launch.config.connect,
        connectBase: launch.config.stripe.connectBase, clientID: launch.secrets.stripeConnectClientID,
        stateKey: launch.secrets.stateKey, syncClient: syncClient, relay: relay, logger: launch.logger
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
