import BridgeRPC
import RevenueQuery
import ServiceKit

// RevenueQuery: the read model behind the grids' revenue columns.
let launch = ServiceLaunch.prepare(service: "revenue_query", secrets: [.grantKey])
let database = launch.openDatabase()
let server = launch.server()
do {
    let service = try RevenueService(database: database, logger: launch.logger, grantKey: launch.secrets.grantKey)
    service.register(on: server)
    try ServiceRunner.run(server: server, logger: launch.logger) { database.close() }
} catch {
    ServiceLaunch.fail("\(error)", logger: launch.logger)
}
