import BridgeRPC
import Contracts
import LocalCluster
import TestSupport
import XCTest

/// Every service executable survives at least 10,000 random and mutated frames, then answers
/// a normal call; the services it did not fuzz kept serving throughout.
final class ServiceFrameFuzzTests: XCTestCase {
    func testEveryServiceSurvivesGarbageFramesAndKeepsServing() throws {
        let cluster = try ClusterFixture.start(name: "fuzz", datasetJSON: ScenarioDatasets.deduplication)
        defer { cluster.stop() }
        for (index, (service, _)) in LocalCluster.services.enumerated() {
            let report = try FrameFuzzer.run(
                socketPath: cluster.socketPath(service), frames: 10_000, seed: UInt64(index + 1),
                timeLimit: .seconds(60)
            )
            XCTAssertGreaterThanOrEqual(report.framesSent, 10_000, "\(service): \(report)")
            XCTAssertTrue(cluster.processes[service]?.isRunning ?? false, "\(service) died under fuzzing")
            for (other, _) in LocalCluster.services {
                let client = cluster.client(other, caller: "fuzz-test")
                defer { client.close() }
                let health = try client.call(HealthV1.Health.check, .init(), timeout: .seconds(5))
                XCTAssertEqual(health.status, .serving, "\(other) after fuzzing \(service)")
            }
        }
        // A real call still works on the fuzzed RevenueQuery.
        let revenue = cluster.client("revenue_query")
        defer { revenue.close() }
        let answer = try revenue.call(
            RevenueV1.RevenueQuery.summaryByEmails, .init(businessId: "biz_x", emails: ["a@example.com"]),
            metadata: DemoFlow(cluster: cluster).grant(business: "biz_x")
        )
        XCTAssertEqual(answer.summaries.count, 1)
    }
}
