import Foundation

/// One executable of the system started by the cluster, its stderr kept in a log file.
///
/// `@unchecked Sendable`: `Process` is only driven from the thread that owns the cluster.
public final class ChildProcess: @unchecked Sendable {
    public let name: String
    public let logPath: String
    let process: Process
    private let output: Pipe?

    /// Starts `executable`; when `captureOutput` is set, stdout can be read line by line.
    init(
        name: String, executable: URL, arguments: [String], environment: [String: String],
        logPath: String, captureOutput: Bool = false
    ) throws {
        self.name = name
        self.logPath = logPath
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardError = log
        output = captureOutput ? Pipe() : nil
        process.standardOutput = output ?? log
        try process.run()
        Self.running.withLock { _ = $0.insert(process.processIdentifier) }
    }

    /// Every child still running, so an interrupted parent can stop them all (children get
    /// process groups of their own, so signalling the parent's group does not reach them).
    private static let running = RunningChildren()

    /// SIGTERM to every child started and not yet stopped; safe from any thread.
    public static func terminateAll() {
        running.withLock { pids in
            for pid in pids { kill(pid, SIGTERM) }
        }
    }

    /// Reads stdout until a line starts with `prefix`; nil when the process ended first.
    func waitForLine(prefix: String) -> String? {
        guard let handle = output?.fileHandleForReading else { return nil }
        var buffer = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.hasPrefix(prefix) { return line }
            }
        }
    }

    public var isRunning: Bool { process.isRunning }

    /// SIGTERM, then SIGKILL if it has not exited within `grace` seconds.
    public func stop(grace: TimeInterval = 10) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        Self.running.withLock { _ = $0.remove(process.processIdentifier) }
    }

    /// SIGKILL at once, like a crash.
    public func kill9() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        Self.running.withLock { _ = $0.remove(process.processIdentifier) }
    }

    public var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }
}

/// The process ids of the children still running, behind a lock.
///
/// `@unchecked Sendable`: `pids` is only touched under `lock`.
private final class RunningChildren: @unchecked Sendable {
    private let lock = NSLock()
    private var pids: Set<Int32> = []

    func withLock<T>(_ body: (inout Set<Int32>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&pids)
    }
}
