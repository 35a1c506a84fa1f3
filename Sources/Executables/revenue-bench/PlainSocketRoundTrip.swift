import Foundation

/// The physical limit: a fixed-size request and reply over a Unix socket pair, echoed by a
/// thread, in plain C calls, with nothing but read and write in between.
enum PlainSocketRoundTrip {
    /// Median round trip in microseconds over `count` exchanges of `size` bytes.
    static func median(count: Int, size: Int) -> Double {
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else { return .nan }
        let (client, server) = (pair[0], pair[1])
        let echo = Thread {
            var buffer = [UInt8](repeating: 0, count: size)
            for _ in 0..<count {
                guard readFully(server, &buffer) else { return }
                _ = buffer.withUnsafeBytes { write(server, $0.baseAddress, size) }
            }
        }
        echo.start()
        var buffer = [UInt8](repeating: 7, count: size)
        var samples: [Double] = []
        for _ in 0..<count {
            let start = ContinuousClock.now
            _ = buffer.withUnsafeBytes { write(client, $0.baseAddress, size) }
            guard readFully(client, &buffer) else { break }
            samples.append(BenchClock.microseconds(since: start))
        }
        close(client)
        close(server)
        return BenchStatistics.percentile(samples, 0.5)
    }

    private static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Bool {
        var done = 0
        while done < buffer.count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }
}
