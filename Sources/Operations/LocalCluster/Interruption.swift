import Dispatch
import Foundation

/// Stops a program's child processes when the program itself is stopped (Ctrl-C, SIGTERM).
///
/// Children started with `ChildProcess` get process groups of their own, so a Ctrl-C at the
/// terminal never reaches them. Once installed, SIGINT or SIGTERM makes every child get SIGTERM
/// (SIGKILL after `grace`), removes the program's temporary folder and exits with 128 + the
/// signal number (130 or 143). It does not cover crashes: a trapping program still orphans them.
public enum Interruption {
    /// Kept so the sources stay alive; written only by `install`, before any signal is handled.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let stopping = StopFlag()

    /// Handles SIGINT and SIGTERM from now on; `notice`, when given, is written to stderr first.
    public static func install(removing folder: URL?, grace: TimeInterval = 2, notice: String? = nil) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)  // the default action would end the process before the source sees it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                stopEverything(signal: number, folder: folder, grace: grace, notice: notice)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// True once a stop signal is being handled: the children are going away on purpose.
    public static var isUnderWay: Bool { stopping.isSet }

    /// Blocks for good when a stop is under way, so the handler's exit status wins over an
    /// error the main thread met because its children were stopped; returns at once otherwise.
    public static func yieldIfUnderWay() {
        while stopping.isSet { pause() }
    }

    private static func stopEverything(
        signal number: Int32, folder: URL?, grace: TimeInterval, notice: String?
    ) {
        guard stopping.set() else { return }  // a second Ctrl-C while stopping changes nothing
        if let notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        ChildProcess.stopAll(grace: grace)
        if let folder { try? FileManager.default.removeItem(at: folder) }
        exit(128 + number)
    }
}

/// Set once, read from any thread.
///
/// `@unchecked Sendable`: `value` is only touched under `lock`.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    /// Sets the flag; false when it was already set.
    func set() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }
}
