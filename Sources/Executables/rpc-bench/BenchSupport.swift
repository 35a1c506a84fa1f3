import Foundation

enum BenchError: Error, CustomStringConvertible {
    case system(String)

    var description: String {
        switch self {
        case .system(let call): "\(call) failed: \(String(cString: strerror(errno)))"
        }
    }
}

enum BenchClock {
    static func microseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12
    }
}

/// Median and 99th percentile (nearest rank) of latency samples.
struct LatencySummary: CustomStringConvertible {
    let median: Double
    let p99: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func rank(_ fraction: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(fraction * Double(sorted.count)))]
        }
        median = rank(0.5)
        p99 = rank(0.99)
    }

    var description: String {
        String(format: "median %.1f µs, p99 %.1f µs", median, p99)
    }
}
