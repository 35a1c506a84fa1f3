import BridgeRPC
import Foundation

/// What a fuzzing run did; the server having survived is checked by the caller's next call.
public struct FuzzReport: Sendable, CustomStringConvertible {
    public var framesSent = 0
    public var connections = 0
    public var answersReceived = 0
    public var elapsed: Duration = .zero

    public var description: String {
        "\(framesSent) frames over \(connections) connections, \(answersReceived) answers, \(elapsed)"
    }
}

/// Throws random and mutated frames at a running service's socket, reconnecting whenever the
/// service (rightly) hangs up, within a bounded time.
public enum FrameFuzzer {
    public struct ConnectError: Error, CustomStringConvertible {
        public let socketPath: String
        public var description: String {
            "could not connect to \(socketPath) to fuzz it; is the service up?"
        }
    }

    /// Sends at least `frames` frames (fewer only if `timeLimit` runs out) chosen by `seed`.
    public static func run(
        socketPath: String, frames: Int, seed: UInt64, timeLimit: Duration = .seconds(15)
    ) throws -> FuzzReport {
        var session = FuzzSession(socketPath: socketPath, seed: seed)
        let started = ContinuousClock.now
        while session.report.framesSent < frames, ContinuousClock.now - started < timeLimit {
            try session.sendOne()
        }
        session.finish()
        session.report.elapsed = ContinuousClock.now - started
        return session.report
    }
}

/// One fuzzing run's connection, random source and tallies.
private struct FuzzSession {
    let socketPath: String
    var random: SplitMix64
    var report = FuzzReport()
    private var socket: UnixSocket?
    private var answers = FrameDecoder()
    private var nextCallID: UInt64 = 1

    init(socketPath: String, seed: UInt64) {
        self.socketPath = socketPath
        self.random = SplitMix64(seed: seed)
    }

    mutating func sendOne() throws {
        let (chunks, breaksStream) = nextFrame()
        let connection = try connected()
        var delivered = true
        for chunk in chunks where delivered { delivered = connection.send(chunk) }
        report.framesSent += 1
        let stillOpen = delivered && drainAnswers(connection)
        if !stillOpen || breaksStream { reconnect() }
    }

    mutating func finish() {
        reconnect()
    }

    /// The next frame as the writes to make, and whether it leaves the stream unusable.
    private mutating func nextFrame() -> (chunks: [[UInt8]], breaksStream: Bool) {
        switch random.next(below: 10) {
        case 0: return ([randomBytes(count: 1 + random.next(below: 64))], true)
        case 1: return ([flipBits(in: healthFrame())], true)
        case 2:
            let frame = healthFrame()
            return ([Array(frame[0..<random.next(below: frame.count)])], true)
        case 3:
            let length =
                UInt32(4 << 20)
                + UInt32(truncatingIfNeeded: random.next(below: Int(UInt32.max - (4 << 20))))
            return ([bigEndian(length) + randomBytes(count: random.next(below: 32))], true)
        case 4: return ([[0, 0, 0, 0]], false)  // an empty envelope: a request for method ""
        case 5:
            return ([request(method: "/fuzz.v\(random.next(below: 9)).Nope/Call", payload: [1, 2])], false)
        case 6:
            let payload = randomBytes(count: random.next(below: 40))
            return ([request(method: HealthMessages.checkMethod, payload: payload)], false)
        case 7: return ([absurdMetadataFrame()], false)
        case 8: return (split(healthFrame()), false)
        default:
            let answer = Envelope(kind: .response, callID: takeCallID(), method: HealthMessages.checkMethod)
            return ([answer.encodedFrame()], true)
        }
    }

    private mutating func healthFrame() -> [UInt8] {
        request(method: HealthMessages.checkMethod, payload: HealthMessages.encodeRequest(service: "fuzz"))
    }

    private mutating func request(
        method: String, payload: [UInt8], metadata: [String: String] = [:]
    ) -> [UInt8] {
        Envelope(kind: .request, callID: takeCallID(), method: method, metadata: metadata, payload: payload)
            .encodedFrame()
    }

    private mutating func absurdMetadataFrame() -> [UInt8] {
        var metadata: [String: String] = [:]
        if random.next(below: 2) == 0 {
            for index in 0..<(100 + random.next(below: 2_000)) { metadata["k\(index)"] = "v" }
        } else {
            metadata["request-id"] = String(repeating: "r", count: 100_000)
            metadata[String(repeating: "\u{1F4A5}", count: 500)] = "\u{0}\u{7}"
        }
        return request(method: HealthMessages.checkMethod, payload: [], metadata: metadata)
    }

    private mutating func flipBits(in frame: [UInt8]) -> [UInt8] {
        var mutated = frame
        for _ in 0..<(1 + random.next(below: 3)) {
            let index = 4 + random.next(below: frame.count - 4)  // the body: flipping the prefix is case 3
            mutated[index] ^= UInt8(1 << random.next(below: 8))
        }
        return mutated
    }

    private mutating func split(_ frame: [UInt8]) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var start = 0
        while start < frame.count {
            let end = min(frame.count, start + 1 + random.next(below: 8))
            chunks.append(Array(frame[start..<end]))
            start = end
        }
        return chunks
    }

    private mutating func randomBytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next(below: 256)) }
    }

    private func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private mutating func takeCallID() -> UInt64 {
        defer { nextCallID += 1 }
        return nextCallID
    }

    /// Reads answers already waiting, so the service never blocks writing to us.
    /// - Returns: false once the service has closed the connection.
    private mutating func drainAnswers(_ connection: UnixSocket) -> Bool {
        while true {
            guard let bytes = connection.receiveAvailable() else { return false }
            if bytes.isEmpty { return true }
            answers.append(bytes)
            while let answer = try? answers.nextFrame() {
                _ = answer
                report.answersReceived += 1
            }
        }
    }

    private mutating func connected() throws -> UnixSocket {
        if let socket { return socket }
        // A burst of reconnects can briefly meet the service's connection limit; retry a little.
        for _ in 0..<200 {
            if let fresh = try? UnixSocket.connect(path: socketPath) {
                socket = fresh
                answers = FrameDecoder()
                report.connections += 1
                return fresh
            }
            usleep(1_000)
        }
        throw FrameFuzzer.ConnectError(socketPath: socketPath)
    }

    private mutating func reconnect() {
        socket?.close()
        socket = nil
    }
}

/// A small seeded generator, so a failing run can be replayed from its seed.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in `0..<bound`; 0 when `bound` is not positive.
    mutating func next(below bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }
}
