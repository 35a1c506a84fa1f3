import Foundation
import TestSupport
import XCTest

/// The real revenue-bench executable, stopped while its revenue-query child runs, and given a
/// wrong argument: it stops its child, removes its temporary folder and exits as promised.
final class BenchInterruptionTests: XCTestCase {
    func testSIGTERMStopsTheChildRemovesTheFolderAndExits143() throws {
        let bench = try start(["--customers", "350", "--payments", "350"])
        defer { if bench.isRunning { kill(bench.processIdentifier, SIGKILL) } }
        let folder = "/tmp/rqb-\(bench.processIdentifier)"

        let child = try XCTUnwrap(waitForChild(named: "revenue-query", of: bench.processIdentifier))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder))
        kill(bench.processIdentifier, SIGTERM)
        bench.waitUntilExit()

        XCTAssertEqual(bench.terminationReason, .exit)
        XCTAssertEqual(bench.terminationStatus, 143)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: "/proc/\(child)"), "revenue-query outlived the bench")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "\(folder) was left behind")
    }

    func testWrongArgumentsExit64BeforeStartingAnything() throws {
        let wrong = [
            ["--customers"], ["--customers", "0", "--payments", "0"], ["--payments", "-1"],
            ["--customers", "400", "--customers", "500"], ["--customers", "+400"], ["--customers", "0400"],
        ]
        for arguments in wrong {
            let errors = Pipe()
            let bench = try start(arguments, standardError: errors)
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            bench.waitUntilExit()

            XCTAssertEqual(bench.terminationStatus, 64, "\(arguments)")
            XCTAssertTrue(message.hasPrefix("revenue-bench: "), message)
            XCTAssertTrue(message.contains("usage: revenue-bench"), message)
            XCTAssertEqual(message.split(separator: "\n").count, 1, message)
            XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/rqb-\(bench.processIdentifier)"))
        }
    }

    func testHelpPrintsTheUsageAndExits0() throws {
        let output = Pipe()
        let bench = try start(["--help"], standardOutput: output)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bench.waitUntilExit()
        XCTAssertEqual(bench.terminationStatus, 0)
        XCTAssertTrue(text.hasPrefix("usage: revenue-bench"), text)
    }

    private func start(
        _ arguments: [String], standardOutput: Pipe? = nil, standardError: Pipe? = nil
    ) throws -> Process {
        let bench = Process()
        bench.executableURL = ExecutableLocator.url("revenue-bench")
        bench.arguments = arguments
        bench.standardOutput = standardOutput ?? FileHandle(forWritingAtPath: "/dev/null")
        bench.standardError = standardError ?? FileHandle(forWritingAtPath: "/dev/null")
        try bench.run()
        return bench
    }

    /// The process id of `parent`'s child called `name`, once it exists (nil after 60 s). A child
    /// starting announces itself nowhere the test can await, so this looks in /proc every 20 ms.
    private func waitForChild(named name: String, of parent: Int32) -> Int32? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for pid in entries.compactMap({ Int32($0) }) {
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    let nameEnd = stat.range(of: ") ", options: .backwards)
                else { continue }
                // "pid (comm) state ppid …": the name may hold spaces, so split after its ')'.
                let fields = stat[nameEnd.upperBound...].split(separator: " ")
                if stat.contains("(\(name))"), fields.count > 1, Int32(fields[1]) == parent { return pid }
            }
            usleep(20_000)
        }
        return nil
    }
}
