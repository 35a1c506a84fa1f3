import BridgeCrypto
import XCTest

final class CryptoTests: XCTestCase {
    private let longKey = [UInt8](repeating: 0xaa, count: 131)

    /// RFC 4231 §4.2–4.8, HMAC-SHA256 outputs (test case 5 is truncated output, not applicable).
    func testHMACSHA256MatchesRFC4231Vectors() {
        let cases: [(key: [UInt8], message: [UInt8], expected: String)] = [
            (
                [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
            ),
            (
                Array(1...25), [UInt8](repeating: 0xcd, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            (
                longKey, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                longKey,
                Array(
                    ("This is a test using a larger than block-size key and a larger than block-size "
                        + "data. The key needs to be hashed before being used by the HMAC algorithm.").utf8),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ]
        for (number, item) in cases.enumerated() {
            XCTAssertEqual(
                Hex.encode(HMAC.sha256(key: item.key, message: item.message)), item.expected,
                "vector \(number + 1)")
        }
    }

    func testHMACWithEmptyKeyAndMessage() {
        XCTAssertEqual(
            Hex.encode(HMAC.sha256(key: [], message: [])),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"
        )
    }

    func testHexRoundTripAndRejectsBadInput() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff]
        XCTAssertEqual(Hex.encode(bytes), "000fa5ff")
        XCTAssertEqual(Hex.decode("000FA5ff"), bytes)
        XCTAssertEqual(Hex.decode(""), [])
        XCTAssertNil(Hex.decode("abc"))
        XCTAssertNil(Hex.decode("zz"))
    }

    func testConstantTimeEquals() {
        XCTAssertTrue(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        XCTAssertTrue(ConstantTime.equals([], []))
        XCTAssertFalse(ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(ConstantTime.equals([1, 2, 3], [1, 2]))
    }

    func testBase64URLUsesURLAlphabetWithoutPadding() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf, 0x01]
        XCTAssertEqual(Base64URL.encode(bytes), "-_-_AQ")
        XCTAssertEqual(Base64URL.decode("-_-_AQ"), bytes)
        XCTAssertEqual(Base64URL.decode("-_-_AQ=="), bytes)
        XCTAssertEqual(Base64URL.encode([]), "")
        XCTAssertNil(Base64URL.decode("+/+/"))
        XCTAssertNil(Base64URL.decode("a"))
        for count in 0..<20 {
            let random = SecureRandom.bytes(count)
            XCTAssertEqual(Base64URL.decode(Base64URL.encode(random)), random)
        }
    }

    func testSecureRandomProducesDistinctURLSafeTokens() {
        XCTAssertEqual(SecureRandom.bytes(32).count, 32)
        XCTAssertEqual(SecureRandom.bytes(0), [])
        let tokens = (0..<50).map { _ in SecureRandom.token(bytes: 32) }
        XCTAssertEqual(Set(tokens).count, tokens.count)
        for token in tokens {
            XCTAssertEqual(token.count, 43)
            XCTAssertTrue(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }
}
