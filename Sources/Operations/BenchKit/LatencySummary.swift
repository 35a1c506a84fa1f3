import Foundation

/// Median and 99th percentile (nearest rank) of latency samples in microseconds.
public struct LatencySummary: CustomStringConvertible, Sendable {
    public let median: Double
    public let p99: Double

    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        median = Self.percentile(sorted, 0.5)
        p99 = Self.percentile(sorted, 0.99)
    }

    /// The value below which `fraction` of the already sorted samples lie (nearest rank).
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
    }

    public var description: String {
        String(format: "median %.1f µs, p99 %.1f µs", median, p99)
    }
}
