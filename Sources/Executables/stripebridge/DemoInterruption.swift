import Dispatch
import Foundation
import LocalCluster

/// Stops the demo's child processes when the demo itself is stopped (Ctrl-C, SIGTERM).
///
/// Each child gets SIGTERM, so they stop the way they stop in production (each drains and
/// exits 0); the demo waits briefly for them, removes its temporary folder and exits.
enum DemoInterruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(removing folder: URL?) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopEverything(signal: number, folder: folder) }
            source.resume()
            sources.append(source)
        }
    }

    private static func stopEverything(signal number: Int32, folder: URL?) {
        FileHandle.standardError.write(Data("\nStopping the demo's services…\n".utf8))
        ChildProcess.terminateAll()
        Thread.sleep(forTimeInterval: 1.5)
        if let folder { try? FileManager.default.removeItem(at: folder) }
        exit(128 + number)
    }
}
