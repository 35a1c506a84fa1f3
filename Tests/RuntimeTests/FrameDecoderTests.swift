import BridgeRPC
import XCTest

final class FrameDecoderTests: XCTestCase {
    private let bodies: [[UInt8]] = [[1, 2, 3], [], Array(repeating: 0xAB, count: 300), [9]]

    private var stream: [UInt8] { bodies.flatMap { FrameDecoder.frame($0) } }

    func testGluedFramesComeOutInOrder() throws {
        var decoder = FrameDecoder()
        decoder.append(stream)
        var frames: [[UInt8]] = []
        while let frame = try decoder.nextFrame() { frames.append(frame) }
        XCTAssertEqual(frames, bodies)
        XCTAssertEqual(decoder.bufferedByteCount, 0)
    }

    func testEverySplitPointYieldsTheSameFrames() throws {
        let bytes = stream
        for split in 0...bytes.count {
            var decoder = FrameDecoder()
            var frames: [[UInt8]] = []
            decoder.append(bytes[0..<split])
            while let frame = try decoder.nextFrame() { frames.append(frame) }
            decoder.append(bytes[split...])
            while let frame = try decoder.nextFrame() { frames.append(frame) }
            XCTAssertEqual(frames, bodies, "split at byte \(split)")
        }
    }

    func testByteByByteFeeding() throws {
        var decoder = FrameDecoder()
        var frames: [[UInt8]] = []
        for byte in stream {
            decoder.append([byte])
            while let frame = try decoder.nextFrame() { frames.append(frame) }
        }
        XCTAssertEqual(frames, bodies)
    }

    func testOversizedPrefixIsRejectedBeforeTheBodyArrives() {
        var decoder = FrameDecoder(maximumFrameBytes: 1_000)
        decoder.append([0, 0, 0x03, 0xE9])  // 1001: only the prefix has arrived
        XCTAssertThrowsError(try decoder.nextFrame()) { error in
            let tooLarge = error as? FrameTooLargeError
            XCTAssertEqual(tooLarge, FrameTooLargeError(length: 1_001, maximum: 1_000))
            XCTAssertTrue("\(error)".contains("1001"), "\(error)")
            XCTAssertTrue("\(error)".contains("1000"), "\(error)")
        }
    }

    func testFrameExactlyAtTheMaximumIsAccepted() throws {
        var decoder = FrameDecoder(maximumFrameBytes: 16)
        decoder.append(FrameDecoder.frame(Array(repeating: 7, count: 16)))
        XCTAssertEqual(try decoder.nextFrame()?.count, 16)
    }

    func testDefaultMaximumIsFourMebibytes() throws {
        var decoder = FrameDecoder()
        decoder.append([0x00, 0x40, 0x00, 0x01])
        XCTAssertThrowsError(try decoder.nextFrame())
        XCTAssertEqual(FrameDecoder.defaultMaximumFrameBytes, 4 << 20)
    }

    func testEnvelopeRoundTripsThroughAFrame() throws {
        let envelope = Envelope(
            kind: .response, callID: 1 << 40, method: "/a.v1.B/C", deadlineUnixMs: 1_700_000_000_123,
            metadata: ["request-id": "r1", "caller": "sync-engine"], payload: [0, 1, 255],
            statusCode: StatusCode.notFound.rawValue, statusMessage: "no such business")
        var decoder = FrameDecoder()
        decoder.append(envelope.encodedFrame())
        let body = try XCTUnwrap(try decoder.nextFrame())
        XCTAssertEqual(Envelope.decode(body), envelope)
    }

    func testGarbageIsNotAnEnvelope() {
        XCTAssertNil(Envelope.decode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
        XCTAssertNotNil(Envelope.decode([]), "an empty body is a valid all-defaults envelope")
    }
}
