import Foundation
import XCTest

@testable import BridgeRPC

/// Envelope strings are checked as payload strings are: a NUL would cut a C string short and
/// invalid UTF-8 would be repaired, so either gets INVALID_ARGUMENT naming the field, and the
/// connection stays usable. The bytes are spelled out: the encoder writes C strings.
final class EnvelopeStringCheckTests: XCTestCase {
    private var harness: RPCTestHarness!

    override func setUpWithError() throws {
        harness = try RPCTestHarness()
    }

    override func tearDown() {
        harness.tearDown()
    }

    private static let echo = Array("/test.v1.Test/Echo".utf8)

    func testEnvelopesWithBadStringsDoNotDecode() {
        let clean = Self.request(callID: 7, method: Self.echo, metadata: [(Array("grant".utf8), [0x74])])
        let expected = Envelope(
            kind: .request, callID: 7, method: "/test.v1.Test/Echo", metadata: ["grant": "t"], payload: [1])
        XCTAssertEqual(Envelope.decode(clean), expected)
        for bad in [
            Self.request(callID: 7, method: Self.echo + [0] + Array("junk".utf8)),
            Self.request(callID: 7, method: Self.echo, metadata: [(Array("gr\0ant".utf8), [0x74])]),
            Self.request(callID: 7, method: Self.echo, metadata: [(Array("grant".utf8), [0x74, 0, 0x78])]),
            Self.request(callID: 7, method: Self.echo + [0xFF]),
        ] {
            XCTAssertNil(Envelope.decode(bad))
        }
    }

    func testServerRefusesBadStringsNamingTheFieldAndKeepsTheConnection() throws {
        _ = try harness.startServer()
        let socket = try UnixSocket.connect(path: harness.socketPath)
        defer { socket.close() }
        let grant = Array("grant".utf8)
        let bodies = [
            Self.request(callID: 11, method: Self.echo + [0] + Array("junk".utf8)),
            Self.request(callID: 12, method: Self.echo, metadata: [(grant, Array("tok".utf8) + [0, 0x78])]),
            Self.request(callID: 13, method: Self.echo, metadata: [(Array("gr\0ant".utf8), [0x74])]),
            Self.request(callID: 14, method: Self.echo + [0xFE]),
            Self.request(callID: 15, method: Self.echo, metadata: [(grant, [0x61, 0xC3])]),
        ]
        let refusals = [
            "method holds a NUL byte", "metadata.value holds a NUL byte", "metadata.key holds a NUL byte",
            "method is not valid UTF-8", "metadata.value is not valid UTF-8",
        ]
        for (callID, (body, expected)) in zip(UInt64(11)..., zip(bodies, refusals)) {
            XCTAssertTrue(socket.send(FrameDecoder.frame(body)))
            let answer = try XCTUnwrap(try Self.readAnswer(from: socket), "no answer for call \(callID)")
            XCTAssertEqual(answer.callID, callID)
            XCTAssertEqual(answer.statusCode, StatusCode.invalidArgument.rawValue)
            XCTAssertTrue(answer.statusMessage.hasPrefix("the envelope's \(expected)"), answer.statusMessage)
            XCTAssertEqual(answer.payload, [], "the handler must not have run")
        }
        let fine = Envelope(kind: .request, callID: 16, method: "/test.v1.Test/Echo", payload: [4])
        XCTAssertTrue(socket.send(fine.encodedFrame()))
        let echoed = try XCTUnwrap(try Self.readAnswer(from: socket))
        XCTAssertEqual(echoed.callID, 16)
        XCTAssertEqual(echoed.payload, [4])
    }

    func testACallNamingNoMethodIsToldSo() throws {
        _ = try harness.startServer()
        let socket = try UnixSocket.connect(path: harness.socketPath)
        defer { socket.close() }
        XCTAssertTrue(socket.send([0, 0, 0, 0]), "a zero-length frame: an all-defaults envelope")
        XCTAssertTrue(socket.send(Envelope(kind: .request, callID: 3, payload: [1]).encodedFrame()))
        let answers = try Self.readAnswers(2, from: socket)
        XCTAssertEqual(answers.map(\.callID).sorted(), [0, 3], "calls are answered as they finish, in any order")
        for answer in answers {
            XCTAssertEqual(answer.statusCode, StatusCode.unimplemented.rawValue)
            XCTAssertTrue(answer.statusMessage.hasPrefix("the call names no method"), answer.statusMessage)
            XCTAssertFalse(answer.statusMessage.contains("  "), answer.statusMessage)
        }
    }

    /// A client reading an answer whose strings cannot be read fails that call, not the others.
    func testClientFailsACallWhoseAnswerHoldsABadString() throws {
        let listener = try UnixSocket.listen(path: harness.socketPath, backlog: 4)
        defer { listener.close() }
        let served = Thread {
            guard let peer = try? listener.accept() else { return }
            defer { peer.close() }
            var decoder = FrameDecoder()
            var buffer = [UInt8](repeating: 0, count: 4_096)
            for _ in 0..<100 {
                if let frame = try? decoder.nextFrame(), let request = Envelope.decode(frame) {
                    // kind RESPONSE, the call id, status_message "no\0pe".
                    let body = [0x08, 1, 0x10] + varint(request.callID) + [0x42, 5] + Array("no\0pe".utf8)
                    _ = peer.send(FrameDecoder.frame(body))
                    return
                }
                let count = buffer.withUnsafeMutableBytes { peer.receive(into: $0) }
                if count <= 0 { return }
                decoder.append(buffer[0..<count])
            }
        }
        served.start()
        let error = assertRPCError(.internal) {
            _ = try harness.client().call("/t/Any", [], timeout: .seconds(5))
        }
        let expected =
            "could not be read: the envelope's status_message holds a NUL byte; "
            + "strings must not contain U+0000"
        XCTAssertTrue(error?.message.hasSuffix(expected) ?? false, "\(String(describing: error))")
    }

    /// A request envelope: call_id (field 2), method (3), metadata entries (5), payload [1] (6).
    private static func request(
        callID: UInt64, method: [UInt8], metadata: [([UInt8], [UInt8])] = []
    ) -> [UInt8] {
        func field(_ number: UInt8, _ body: [UInt8]) -> [UInt8] {
            [number << 3 | 2, UInt8(body.count)] + body
        }
        let entries = metadata.flatMap { key, value in field(5, field(1, key) + field(2, value)) }
        return [0x10] + varint(callID) + field(3, method) + entries + field(6, [1])
    }

    /// Reads one answer; nil when the server closes the connection first.
    private static func readAnswer(from socket: UnixSocket) throws -> Envelope? {
        try readAnswers(1, from: socket).first
    }

    /// Reads up to `count` answers, fewer when the server closes the connection first.
    private static func readAnswers(_ count: Int, from socket: UnixSocket) throws -> [Envelope] {
        var decoder = FrameDecoder()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var answers: [Envelope] = []
        for _ in 0..<100 {
            while answers.count < count, let frame = try decoder.nextFrame() {
                answers.append(try XCTUnwrap(Envelope.decode(frame)))
            }
            if answers.count == count { break }
            let received = buffer.withUnsafeMutableBytes { socket.receive(into: $0) }
            if received <= 0 { break }
            decoder.append(buffer[0..<received])
        }
        return answers
    }
}

/// The protobuf base-128 encoding of `value`.
private func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while value >= 0x80 {
        bytes.append(UInt8(value & 0x7F) | 0x80)
        value >>= 7
    }
    return bytes + [UInt8(value)]
}
