import Foundation

/// Runs the `stripe-dataset` generator beside this executable.
enum DatasetTool {
    static func generate(binaries: URL, customers: Int, seed: UInt64, dataset: String, expected: String) throws {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("stripe-dataset")
        process.arguments = [
            "--customers", "\(customers)", "--seed", "\(seed)", "--out", dataset, "--expected", expected,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UsageError("stripe-dataset failed with status \(process.terminationStatus)")
        }
    }
}
