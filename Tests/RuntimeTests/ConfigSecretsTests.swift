import BridgeConfig
import XCTest

final class ConfigSecretsTests: XCTestCase {
    private let environment = [
        "STRIPE_SECRET_KEY": "sk_test_verysecretvalue123",
        "STRIPE_CONNECT_CLIENT_ID": "ca_clientid987",
        "STRIPEBRIDGE_STATE_KEY": "state-key-material-0123456789abcdef",
        "STRIPE_WEBHOOK_SECRETS": " whsec_new111 , ,whsec_old222 ",
    ]

    func testLoadsRequestedSecrets() throws {
        let secrets = try Secrets.load(
            [.stripeSecretKey, .stripeConnectClientID, .stateKey, .stripeWebhookSecrets],
            environment: environment
        )
        XCTAssertEqual(secrets.stripeSecretKey, "sk_test_verysecretvalue123")
        XCTAssertEqual(secrets.stripeConnectClientID, "ca_clientid987")
        XCTAssertEqual(secrets.value(.stateKey), "state-key-material-0123456789abcdef")
        XCTAssertEqual(secrets.webhookSecrets, ["whsec_new111", "whsec_old222"])
        XCTAssertTrue(secrets.contains(.stateKey))
        XCTAssertFalse(secrets.contains(.grantKey))
    }

    func testASigningKeyTooShortToResistGuessingIsRefused() {
        XCTAssertThrowsError(try Secrets.load([.grantKey], environment: ["STRIPEBRIDGE_GRANT_KEY": "x"])) {
            XCTAssertTrue(
                "\($0)".contains("STRIPEBRIDGE_GRANT_KEY is 1 bytes; a signing key needs at least 32"), "\($0)")
        }
    }

    func testMissingSecretNamesTheVariable() {
        XCTAssertThrowsError(try Secrets.load([.stripeSecretKey, .grantKey], environment: environment)) {
            error in
            XCTAssertTrue("\(error)".contains("STRIPEBRIDGE_GRANT_KEY"), "\(error)")
        }
        XCTAssertThrowsError(
            try Secrets.load(
                [.stripeConnectWebhookSecret],
                environment: [
                    "STRIPE_CONNECT_WEBHOOK_SECRET": "  "
                ])
        ) { error in
            XCTAssertTrue("\(error)".contains("STRIPE_CONNECT_WEBHOOK_SECRET"), "\(error)")
        }
        XCTAssertThrowsError(
            try Secrets.load([.stripeWebhookSecrets], environment: ["STRIPE_WEBHOOK_SECRETS": ",,"]))
    }

    func testDescriptionsNeverShowValues() throws {
        let secrets = try Secrets.load(
            [.stripeSecretKey, .stripeConnectClientID, .stateKey, .stripeWebhookSecrets],
            environment: environment
        )
        var dumped = ""
        dump(secrets, to: &dumped)
        let renderings = [
            secrets.description, secrets.debugDescription, "\(secrets)", String(reflecting: secrets),
            String(describing: [secrets]), dumped,
        ]
        for text in renderings {
            for value in ["verysecretvalue123", "clientid987", "state-key-material", "new111", "old222"] {
                XCTAssertFalse(text.contains(value), "\(text) shows \(value)")
            }
        }
        XCTAssertTrue(secrets.description.contains("STRIPE_SECRET_KEY=<redacted>"))
    }
}
