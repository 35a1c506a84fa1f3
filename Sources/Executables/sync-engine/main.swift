import AccessControl
import BridgeRPC
import Outbox
import ServiceKit
import SyncEngine

// SyncEngine: mirrors connected accounts and feeds RevenueQuery through its outbox.
let launch = ServiceLaunch.prepare(service: "sync_engine", secrets: [.stripeSecretKey, .grantKey])
let database = launch.openDatabase()
let server = launch.server()
do {
    let relay = OutboxRelay(
        store: try SyncService.outbox(of: database),
        clients: ["/stripebridge.revenue.v1.": launch.client(of: "revenue_query")],
        logger: launch.logger
    )
    let service = try SyncService(
        database: database, client: launch.stripeClient(), logger: launch.logger,
        overlapSeconds: Int64(launch.config.sync.overlapSeconds),
        maxConcurrentRuns: launch.config.sync.maxConcurrent, relay: relay,
        schedule: SyncSchedule(
            hour: launch.config.sync.dailyAt.hour, minute: launch.config.sync.dailyAt.minute,
            spreadMinutes: launch.config.sync.spreadMinutes
        ),
        connectClient: launch.client(of: "connect_auth")
    )
    let scheduler = SyncScheduler(service: service, logger: launch.logger)
    service.register(on: server, access: AccessGuard(key: launch.secrets.grantKey))
    relay.start()
    try service.resumeInterruptedRuns()
    scheduler.start()
    try ServiceRunner.run(server: server, logger: launch.logger) {
        scheduler.stop()
        relay.stop()
        database.close()
    }
} catch {
    ServiceLaunch.fail("\(error)", logger: launch.logger)
}
