import Foundation
import LocalCluster

/// A cluster of the real executables in a fresh temporary folder, for one test.
public enum ClusterFixture {
    /// Secrets made up for the test run and handed to the processes through the environment.
    public static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["STRIPE_SECRET_KEY"] = "sk_test_fixture_\(getpid())"
        env["STRIPE_CONNECT_CLIENT_ID"] = "ca_fixture"
        env["STRIPEBRIDGE_STATE_KEY"] = "state-key-\(getpid())-0123456789abcdef0123456789"
        env["STRIPEBRIDGE_GRANT_KEY"] = "grant-key-\(getpid())-0123456789abcdef0123456789"
        env["STRIPE_WEBHOOK_SECRETS"] = "whsec_fixture"
        env["STRIPE_CONNECT_WEBHOOK_SECRET"] = "whsec_fixture_connect"
        env["STRIPEBRIDGE_LOG_LEVEL"] = "info"
        return env
    }()

    public static func temporaryFolder(_ name: String) -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("sb-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A generated dataset in `folder`, made by the built `stripe-dataset`.
    public static func generate(into folder: URL, customers: Int, seed: UInt64, accounts: Int = 1) throws
        -> GeneratedDataset
    {
        try GeneratedDataset.generate(
            binaries: ExecutableLocator.url("stripe-dataset").deletingLastPathComponent(), into: folder,
            customers: customers, seed: seed, accounts: accounts)
    }

    /// Starts the emulator on `datasetJSON` and the four services.
    /// `settings` override single settings of services.yaml through the environment, e.g.
    /// `["STRIPEBRIDGE_STRIPE_MAX_RETRIES": "1"]`.
    public static func start(name: String, datasetJSON: String, settings: [String: String] = [:]) throws
        -> LocalCluster
    {
        let folder = temporaryFolder(name)
        let dataset = folder.appendingPathComponent("dataset.json")
        try datasetJSON.write(to: dataset, atomically: true, encoding: .utf8)
        return try start(folder: folder, datasetPath: dataset.path, settings: settings)
    }

    public static func start(folder: URL, datasetPath: String, settings: [String: String] = [:]) throws
        -> LocalCluster
    {
        let binaries = ExecutableLocator.url("connect-auth").deletingLastPathComponent()
        let cluster = LocalCluster(
            folder: folder, binaries: binaries, environment: environment.merging(settings) { _, new in new }
        )
        // Each test's folder goes with its cluster; set STRIPEBRIDGE_KEEP_TEST_FOLDERS to look
        // at databases and logs after a run.
        cluster.removesFolderOnStop = ProcessInfo.processInfo.environment["STRIPEBRIDGE_KEEP_TEST_FOLDERS"] == nil
        do {
            try cluster.start(dataset: datasetPath)
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }
}
