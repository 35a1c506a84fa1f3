import BridgeRPC
import Contracts
import Foundation
import LocalCluster
import TestSupport
import XCTest

/// What an operator sees: the run-due command, and logs that carry neither secrets nor emails.
final class OperationsEndToEndTests: XCTestCase {
    private func runDue(_ cluster: LocalCluster) throws -> (Int32, String) {
        let command = Process()
        command.executableURL = ExecutableLocator.url("stripebridge")
        command.arguments = ["run-due", "--all", "--config", cluster.configPath]
        command.environment = ClusterFixture.environment
        let output = Pipe()
        command.standardOutput = output
        try command.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        command.waitUntilExit()
        return (command.terminationStatus, printed)
    }

    func testRunDueSyncsEveryLinkedBusinessAndLogsHoldNoSecretOrEmail() throws {
        let cluster = try ClusterFixture.start(name: "operations", datasetJSON: ScenarioDatasets.deduplication)
        defer { cluster.stop() }
        let flow = DemoFlow(cluster: cluster)
        XCTAssertTrue(try flow.connect(business: "biz_ops").connected)
        XCTAssertEqual(try flow.syncAndWait(business: "biz_ops").state, "succeeded")
        XCTAssertEqual(try flow.summaries(business: "biz_ops", emails: ["a@example.com"]).summaries[0].orders, 1)

        // The manual sync and job status are the business's own: no grant, or another
        // business's grant, is refused.
        let sync = cluster.client("sync_engine")
        defer { sync.close() }
        for metadata in [[:], flow.grant(business: "biz_other")] {
            XCTAssertThrowsError(
                try sync.call(SyncV1.SyncEngine.sync, .init(businessId: "biz_ops"), metadata: metadata)
            ) { XCTAssertEqual(($0 as? RPCError)?.code, .permissionDenied, "\($0)") }
            XCTAssertThrowsError(
                try sync.call(SyncV1.SyncEngine.listJobs, .init(businessId: "biz_ops"), metadata: metadata)
            ) { XCTAssertEqual(($0 as? RPCError)?.code, .permissionDenied, "\($0)") }
            XCTAssertThrowsError(try sync.call(SyncV1.SyncEngine.getJob, .init(jobId: 1), metadata: metadata)) {
                XCTAssertEqual(($0 as? RPCError)?.code, .notFound, "\($0)")
            }
        }
        let jobs = try sync.call(
            SyncV1.SyncEngine.listJobs, .init(businessId: "biz_ops"), metadata: flow.grant(business: "biz_ops"))
        XCTAssertEqual(jobs.jobs.first?.state, "succeeded")

        let (status, printed) = try runDue(cluster)
        XCTAssertEqual(status, 0, printed)
        XCTAssertTrue(printed.contains("business biz_ops: succeeded"), printed)

        // A link Stripe refused waits for its owner to connect again; it is not retried daily.
        let connect = cluster.client("connect_auth")
        defer { connect.close() }
        _ = try connect.call(
            ConnectV1.ConnectAuth.markNeedsReconnect,
            .init(businessId: "biz_ops", stripeAccountId: "acct_scenarios", reason: "test")
        )
        let (_, skipped) = try runDue(cluster)
        XCTAssertTrue(skipped.contains("No business is due."), skipped)

        let secrets = [
            "STRIPE_SECRET_KEY", "STRIPEBRIDGE_STATE_KEY", "STRIPEBRIDGE_GRANT_KEY",
            "STRIPE_WEBHOOK_SECRETS", "STRIPE_CONNECT_WEBHOOK_SECRET",
        ]
        .compactMap { ClusterFixture.environment[$0] }
        let logs = try FileManager.default.contentsOfDirectory(atPath: cluster.folder.path)
            .filter { $0.hasSuffix(".log") && $0 != "stripe-emulator.log" }
        XCTAssertEqual(logs.count, 4, "one log per service: \(logs)")
        for name in logs {
            let text = try String(contentsOfFile: cluster.folder.appendingPathComponent(name).path, encoding: .utf8)
            XCTAssertFalse(text.isEmpty, name)
            for secret in secrets {
                XCTAssertFalse(text.contains(secret), "\(name) holds a secret")
            }
            for email in ["a@example.com", "b@example.com", "c@example.com", "owner@example.com"] {
                XCTAssertFalse(text.contains(email), "\(name) holds an email")
            }
            for line in text.split(separator: "\n") {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), "\(name): \(line)")
            }
        }
    }
}
