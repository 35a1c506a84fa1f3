import Foundation

/// Why a benchmark could not measure: a failed system call or a process that misbehaved.
public struct BenchError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// A system call that failed, with `errno` read now.
    public static func system(_ call: String) -> BenchError {
        BenchError("\(call) failed: \(String(cString: strerror(errno)))")
    }
}
