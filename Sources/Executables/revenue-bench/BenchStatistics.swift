import Foundation

enum BenchClock {
    static func microseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    }
}

enum BenchStatistics {
    /// The value below which `fraction` of the samples lie (nearest rank).
    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    /// `VmHWM` of /proc/<pid>/status: the peak resident memory of a process, in MiB.
    static func peakResidentMiB(pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return .nan }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kib = line?.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? .nan
        return kib / 1024
    }
}
