import BridgeConfig
import Foundation
import XCTest

final class ConfigTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("config-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    static let sample = """
        stripe:
          api_base: http://127.0.0.1:12111      # Stripe API base URL
          connect_base: http://127.0.0.1:12111/  # connect.stripe.com equivalent (OAuth)
          version: 2026-07-29.dahlia
          max_retries: 4
          requests_per_second: 20
          account_requests_per_second: 10
        connect:
          redirect_uri: http://127.0.0.1:8080/api/stripe/oauth/callback
          agency_return_url: http://127.0.0.1:8080/settings/stripe
          client_return_url: http://127.0.0.1:8080/portal/stripe
          state_ttl_seconds: 600
          allow_shared_accounts: false
          deauthorize_on_disconnect: true
        sync:
          daily_at: "03:00"          # UTC, HH:MM
          spread_minutes: 60
          overlap_seconds: 3600
          max_concurrent: 4
        services:
          connect_auth:     { socket: run/connect-auth.sock,     database: data/connect-auth.sqlite }
          sync_engine:      { socket: run/sync-engine.sock,      database: data/sync-engine.sqlite }
          revenue_query:    { socket: run/revenue-query.sock,    database: /var/lib/sb/revenue.sqlite }
          platform_billing: { socket: run/platform-billing.sock, database: data/platform-billing.sqlite }
        """

    private func write(_ text: String) throws -> String {
        let path = directory.appendingPathComponent("services.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func loadError(_ text: String, environment: [String: String] = [:]) throws -> String {
        let path = try write(text)
        do {
            _ = try ServicesConfig.load(path: path, environment: environment)
            XCTFail("expected the configuration to be rejected")
            return ""
        } catch let error as ConfigError {
            // Messages name the file by its full path; compare them from the file name on.
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/"
            XCTAssertTrue(error.description.hasPrefix(folder), error.description)
            return error.description.replacingOccurrences(of: folder, with: "")
        }
    }

    func testUnknownKeysSectionsOfTheWrongKindAndADirectoryAreNamed() throws {
        XCTAssertEqual(
            try loadError(Self.sample.replacingOccurrences(of: "  max_concurrent: 4", with: "  max_concurent: 4")),
            "services.yaml: missing key \"sync.max_concurrent\""
        )
        XCTAssertEqual(
            try loadError(Self.sample + "\nsync_typo: {}\n"),
            "services.yaml: unknown key \"sync_typo\"; check its spelling against the documented settings"
        )
        XCTAssertEqual(
            try loadError(
                Self.sample.replacingOccurrences(of: "  max_retries: 4", with: "  max_retries: 4\n  retry: 1")),
            "services.yaml: unknown key \"stripe.retry\"; check its spelling against the documented settings"
        )
        let scalarSection = Self.sample.replacingOccurrences(
            of: "stripe:\n", with: "stripe: 5\nstripe_was:\n")
        XCTAssertTrue(try loadError(scalarSection).contains("\"stripe\" must be a mapping, got"))
        let folder = URL(fileURLWithPath: try write(Self.sample)).deletingLastPathComponent().path
        XCTAssertThrowsError(try ServicesConfig.load(path: folder, environment: [:])) { error in
            XCTAssertTrue("\(error)".contains("is a directory"), "\(error)")
        }
    }

    func testLoadsTheDocumentedShape() throws {
        let config = try ServicesConfig.load(path: try write(Self.sample), environment: [:])
        XCTAssertEqual(config.stripe.apiBase, "http://127.0.0.1:12111")
        XCTAssertEqual(config.stripe.connectBase, "http://127.0.0.1:12111")
        XCTAssertEqual(config.stripe.version, "2026-07-29.dahlia")
        XCTAssertEqual(config.stripe.maxRetries, 4)
        XCTAssertEqual(config.stripe.requestsPerSecond, 20)
        XCTAssertEqual(config.stripe.accountRequestsPerSecond, 10)
        XCTAssertEqual(config.connect.redirectURI, "http://127.0.0.1:8080/api/stripe/oauth/callback")
        XCTAssertEqual(config.connect.stateTTLSeconds, 600)
        XCTAssertFalse(config.connect.allowSharedAccounts)
        XCTAssertTrue(config.connect.deauthorizeOnDisconnect)
        XCTAssertEqual(config.sync.dailyAt, TimeOfDay("03:00"))
        XCTAssertEqual(config.sync.dailyAt.secondsAfterMidnight, 3 * 3600)
        XCTAssertEqual(config.sync.maxConcurrent, 4)
        XCTAssertEqual(Set(config.services.keys), Set(ServicesConfig.serviceNames))

        let base = directory.standardizedFileURL.path
        let sync = try config.endpoint("sync_engine")
        XCTAssertEqual(sync.socketPath, base + "/run/sync-engine.sock")
        XCTAssertEqual(sync.databasePath, base + "/data/sync-engine.sqlite")
        XCTAssertEqual(try config.endpoint("revenue_query").databasePath, "/var/lib/sb/revenue.sqlite")
        XCTAssertThrowsError(try config.endpoint("billing")) { error in
            XCTAssertTrue("\(error)".contains("no service named \"billing\""), "\(error)")
        }
    }

    func testMissingKeyNamesDottedKeyAndFile() throws {
        let text = Self.sample.replacingOccurrences(
            of: "  api_base: http://127.0.0.1:12111      # Stripe API base URL\n", with: "")
        XCTAssertEqual(try loadError(text), "services.yaml: missing key \"stripe.api_base\"")
    }

    func testWrongValuesNameKeyAndValue() throws {
        let cases: [(String, String, String)] = [
            (
                "max_concurrent: 4", "max_concurrent: x",
                "\"sync.max_concurrent\" must be an integer, got \"x\""
            ),
            (
                "max_concurrent: 4", "max_concurrent: 0",
                "\"sync.max_concurrent\" must be a positive integer"
            ),
            (
                "version: 2026-07-29.dahlia", "version: 2025-03-31.basil",
                "\"stripe.version\" must be 2026-07-29.dahlia"
            ),
            (
                "daily_at: \"03:00\"", "daily_at: \"3am\"",
                "\"sync.daily_at\" must be a UTC time as HH:MM, got \"3am\""
            ),
            ("daily_at: \"03:00\"", "daily_at: \"24:00\"", "\"sync.daily_at\" must be a UTC time"),
            (
                "api_base: http://127.0.0.1:12111", "api_base: ftp://x",
                "\"stripe.api_base\" must be an http or https URL"
            ),
            (
                "requests_per_second: 20", "requests_per_second: -1",
                "\"stripe.requests_per_second\" must be a positive number"
            ),
            (
                "allow_shared_accounts: false", "allow_shared_accounts: maybe",
                "\"connect.allow_shared_accounts\" must be true or false"
            ),
            (
                "connect_auth:     { socket: run/connect-auth.sock,     "
                    + "database: data/connect-auth.sqlite }",
                "connect_auth: { socket: run/connect-auth.sock }",
                "missing key \"services.connect_auth.database\""
            ),
        ]
        for (original, replacement, expected) in cases {
            let text = Self.sample.replacingOccurrences(of: original, with: replacement)
            XCTAssertNotEqual(text, Self.sample, "case \(replacement) did not change the file")
            let message = try loadError(text)
            XCTAssertTrue(message.hasPrefix("services.yaml: "), message)
            XCTAssertTrue(message.contains(expected), "\(message) does not contain \(expected)")
        }
    }

    func testStructuralErrors() throws {
        XCTAssertTrue(try loadError("stripe: [1, 2]\n").contains("\"stripe\" must be a mapping, got a sequence"))
        XCTAssertTrue(
            try loadError("stripe:\n  api_base: [a]\n").contains("must be a single value, got a sequence"))
        XCTAssertTrue(try loadError("- a\n- b\n").contains("top level must be a mapping"))
        XCTAssertTrue(try loadError("a: 1\na: 2\n").contains("duplicate key \"a\""))
        let syntax = try loadError("stripe: {api_base: [\n")
        XCTAssertTrue(syntax.contains("YAML syntax error at line"), syntax)
        let missing = directory.appendingPathComponent("nope.yaml").path
        XCTAssertThrowsError(try ServicesConfig.load(path: missing, environment: [:])) { error in
            XCTAssertTrue("\(error)".hasPrefix(missing + ": cannot read"), "\(error)")
        }
    }

    func testEnvironmentOverridesOneKeyAndIsNamedInErrors() throws {
        let path = try write(Self.sample)
        let config = try ServicesConfig.load(
            path: path, environment: ["STRIPEBRIDGE_STRIPE_API_BASE": "http://127.0.0.1:4242"]
        )
        XCTAssertEqual(config.stripe.apiBase, "http://127.0.0.1:4242")
        let message = try loadError(Self.sample, environment: ["STRIPEBRIDGE_SYNC_MAX_CONCURRENT": "many"])
        XCTAssertTrue(message.contains("(from STRIPEBRIDGE_SYNC_MAX_CONCURRENT)"), message)
    }

    func testYAMLTreeReaderHandlesAnchorsSequencesAndQuoting() throws {
        let text = """
            base: &shared { a: "1", b: 'two' }
            copy: *shared
            list: [x, "y z", {k: v}]
            empty:
            """
        let root = try YAMLNode.parse(text, file: "t.yaml")
        XCTAssertEqual(root["copy"], root["base"])
        XCTAssertEqual(root["base"]?["b"], .scalar("two"))
        XCTAssertEqual(
            root["list"], .sequence([.scalar("x"), .scalar("y z"), .mapping([("k", .scalar("v"))])]))
        XCTAssertEqual(root["empty"], .scalar(""))
        XCTAssertEqual(try YAMLNode.parse("", file: "e.yaml"), .mapping([]))
        XCTAssertThrowsError(try YAMLNode.parse("a: *nothing", file: "t.yaml"))
    }
}
