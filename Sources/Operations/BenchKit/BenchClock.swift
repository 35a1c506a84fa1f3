/// Elapsed times in the unit the benchmarks print.
public enum BenchClock {
    public static func microseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12
    }
}
