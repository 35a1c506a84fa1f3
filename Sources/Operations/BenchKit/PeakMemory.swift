import Foundation

/// Peak resident memory (`VmHWM` of /proc/<pid>/status), the figure the memory targets bound.
public enum PeakMemory {
    /// In bytes; nil when the process is gone or /proc cannot be read.
    public static func bytes(ofProcess pid: Int32? = nil) -> Int? {
        let path = "/proc/\(pid.map(String.init) ?? "self")/status"
        guard let status = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }
}
