import StripeEmulatorKit
import XCTest

final class JSONValueTests: XCTestCase {
    func testRoundTripKeepsKeyOrderAndEscapes() throws {
        let text = #"{"b":1,"a":[true,false,null,-2.5,"x\"y\\z\n\u00e9\ud83d\ude00"],"c":{"d":"é"}}"#
        let value = try JSONValue.parse(text)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
        XCTAssertEqual(value["a"]?.arrayValue?[4].stringValue, "x\"y\\z\né😀")
        XCTAssertEqual(value["a"]?.arrayValue?[3], .double(-2.5))
        XCTAssertEqual(try JSONValue.parse(value.bytes), value)
        XCTAssertEqual(JSONValue.string("a\u{1}").text, #""a\u0001""#)
    }

    func testLargeIntegersStayExact() throws {
        XCTAssertEqual(try JSONValue.parse("9007199254740993").intValue, 9_007_199_254_740_993)
    }

    func testMalformedDocumentsSayWhere() {
        for bad in ["{", "{\"a\":}", "[1,]", "{\"a\":1} x", "\"open", "{\"a\":[}"] {
            XCTAssertThrowsError(try JSONValue.parse(bad), bad) { error in
                XCTAssertTrue(String(describing: error).contains("at byte"), "\(error)")
            }
        }
    }

    func testDatasetRejectsMisplacedObjectsWithAClearMessage() {
        let json = #"{"accounts":{"acct_a":{"charges":[{"id":"cus_1","object":"customer"}]}}}"#
        XCTAssertThrowsError(try EmulatorDataset(json: json)) { error in
            XCTAssertTrue(String(describing: error).contains("cus_1"), "\(error)")
        }
        XCTAssertThrowsError(try EmulatorDataset(json: #"{"accounts":{"acct_a":{"charge":[]}}}"#))
        XCTAssertThrowsError(
            try EmulatorDataset(
                json: #"{"accounts":{"acct_a":{"charges":[{"id":"ch_1","object":"charge","x":[}]}}}"#))
    }
}
