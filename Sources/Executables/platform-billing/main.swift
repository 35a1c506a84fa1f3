import BridgeRPC
import PlatformBilling
import ServiceKit

// PlatformBilling: bills the platform's own tenants through the platform's Stripe account.
let launch = ServiceLaunch.prepare(
    service: "platform_billing", secrets: [.stripeSecretKey, .stripeWebhookSecrets])
let database = launch.openDatabase()
let server = launch.server()
do {
    let service = try BillingService(
        database: database, stripe: launch.stripeClient(),
        webhookSecrets: launch.secrets.webhookSecrets,
        logger: launch.logger
    )
    service.register(on: server)
    try ServiceRunner.run(server: server, logger: launch.logger) { database.close() }
} catch {
    ServiceLaunch.fail("\(error)", logger: launch.logger)
}
