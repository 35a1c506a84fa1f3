import CShims
import Foundation

/// Pins every thread of a process to a set of CPUs.
///
/// A round trip between two threads costs about 30 µs more on this kind of VM when they wake
/// each other across CPUs, which drowns what a latency comparison is about; on one CPU both
/// sides of every comparison pay the same.
public enum CPUPinning {
    /// Sets the affinity of every current thread of `pid` (this process when nil); threads
    /// they start later inherit it.
    public static func pin(process pid: Int32? = nil, toCPUs cpus: [Int]) throws {
        let cpuList = cpus.map { Int32($0) }
        let folder = "/proc/\(pid.map(String.init) ?? "self")/task"
        let threads = try FileManager.default.contentsOfDirectory(atPath: folder).compactMap { Int32($0) }
        for thread in threads where sb_pin_thread(thread, cpuList, Int32(cpuList.count)) != 0 {
            // A thread that ended since the listing is no failure.
            if errno != ESRCH { throw BenchError.system("sched_setaffinity of thread \(thread)") }
        }
    }

    /// Every CPU this machine has online.
    public static var allCPUs: [Int] { Array(0..<ProcessInfo.processInfo.activeProcessorCount) }
}
