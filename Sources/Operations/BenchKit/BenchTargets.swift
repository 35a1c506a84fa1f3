/// The targets a benchmark promises, checked where each figure is measured.
///
/// A missed target is printed next to its figure and makes the benchmark exit with status 1,
/// so a script or CI job running it cannot mistake a slow build for a good one.
public final class BenchTargets {
    private var missed: [String] = []

    public init() {}

    /// Records whether `figure` met its target and returns the mark printed after it.
    @discardableResult
    public func check(_ figure: String, met: Bool) -> String {
        if !met { missed.append(figure) }
        return met ? "met" : "MISSED"
    }

    /// Prints the verdict and returns the exit status for it.
    public func verdict() -> Int32 {
        if missed.isEmpty {
            print("targets: all met")
            return 0
        }
        print("targets missed: \(missed.joined(separator: "; "))")
        return 1
    }
}
