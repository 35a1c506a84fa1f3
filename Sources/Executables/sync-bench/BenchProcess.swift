import BenchKit
import Foundation

/// The helper processes of the benchmark and the numbers it reads about itself.
enum BenchProcess {
    struct Emulator {
        let process: Process
        let baseURL: String
        let account: String
        func terminate() { process.terminate(); process.waitUntilExit() }
    }

    static func run(_ binaries: URL, _ name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(name)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(name) failed") }
    }

    static func emulator(_ binaries: URL, dataset: String, key: String) throws -> Emulator {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("stripe-emulator")
        process.arguments = ["--dataset", dataset, "--secret-key", key, "--client-id", "ca_bench"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = ""
        while !line.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw BenchError("the emulator did not start") }
            line += String(decoding: chunk, as: UTF8.self)
        }
        guard let url = line.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            throw BenchError("unexpected emulator output: \(line)")
        }
        // The generator's first account; reading the whole dataset here would skew the memory figure.
        return Emulator(process: process, baseURL: url, account: "acct_demo")
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.1f", Date().timeIntervalSince(start))
    }
}
