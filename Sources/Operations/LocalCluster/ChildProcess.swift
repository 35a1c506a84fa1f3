import Foundation

/// One executable of the system started by the cluster, its stderr kept in a log file (or
/// left on this process's stderr when there is no log file).
///
/// `@unchecked Sendable`: `Process` is only driven from the thread that owns the cluster.
public final class ChildProcess: @unchecked Sendable {
    public let name: String
    /// The log file; nil when the child writes to this process's stdout and stderr.
    public let logPath: String?
    let process: Process
    private let output: Pipe?

    /// Starts `executable`; when `captureOutput` is set, stdout can be read line by line,
    /// otherwise stdout joins stderr in the log file. `logPath` is created or truncated.
    public init(
        name: String, executable: URL, arguments: [String], environment: [String: String],
        logPath: String?, captureOutput: Bool = false
    ) throws {
        self.name = name
        self.logPath = logPath
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let log = try logPath.map(Self.openLog)
        if let log { process.standardError = log }
        output = captureOutput ? Pipe() : nil
        if let stdout = output ?? log { process.standardOutput = stdout }
        try process.run()
        Self.running.withLock { $0[process.processIdentifier] = process }
    }

    /// Opens `path` for writing from its start, creating it if needed. `open(2)` rather than
    /// `FileManager.createFile`, which replaces the path by renaming a new file onto it.
    private static func openLog(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ClusterError("cannot open the log \(path): \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Every child still running, so an interrupted parent can stop them all (children get
    /// process groups of their own, so signalling the parent's group does not reach them).
    private static let running = RunningChildren()

    /// SIGTERM to every child still running, then SIGKILL to those that have not exited within
    /// `grace` seconds; returns once all have ended. Safe from any thread.
    public static func stopAll(grace: TimeInterval) {
        let children = running.withLock { Array($0.values) }
        for child in children { kill(child.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(grace)
        while children.contains(where: \.isRunning) && Date() < deadline { usleep(10_000) }
        for child in children where child.isRunning { kill(child.processIdentifier, SIGKILL) }
        for child in children { child.waitUntilExit() }
        running.withLock { running in
            for child in children { running.removeValue(forKey: child.processIdentifier) }
        }
    }

    /// Reads stdout until a line starts with `prefix`; nil when the process ended first.
    public func waitForLine(prefix: String) -> String? {
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

    /// Where to read the child's output: its log file, or stderr.
    public var logDescription: String { logPath ?? "stderr" }

    /// The child's process id, e.g. to read its memory from /proc or pin it to a CPU.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Waits until the child exits on its own and returns its exit status.
    @discardableResult
    public func waitUntilExit() -> Int32 {
        process.waitUntilExit()
        Self.running.withLock { _ = $0.removeValue(forKey: process.processIdentifier) }
        return process.terminationStatus
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace` seconds.
    public func stop(grace: TimeInterval = 10) {
        guard process.isRunning else { return }
        // `kill`, not `Process.terminate`: an interruption may be stopping the same child.
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        Self.running.withLock { _ = $0.removeValue(forKey: process.processIdentifier) }
    }

    /// SIGKILL at once, like a crash.
    public func kill9() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        Self.running.withLock { _ = $0.removeValue(forKey: process.processIdentifier) }
    }

    public var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }
}

/// The children still running by process id, behind a lock.
///
/// `@unchecked Sendable`: `children` is only touched under `lock`; the `Process` objects are
/// only read (id, running state) and signalled with `kill` from other threads.
private final class RunningChildren: @unchecked Sendable {
    private let lock = NSLock()
    private var children: [Int32: Process] = [:]

    func withLock<T>(_ body: (inout [Int32: Process]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&children)
    }
}
