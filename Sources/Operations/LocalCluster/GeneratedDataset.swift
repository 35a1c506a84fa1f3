import Foundation
import StripeEmulatorKit

/// A dataset made by the `stripe-dataset` executable, with the totals the generator expects
/// (computed from its own bookkeeping, independently of the services).
public struct GeneratedDataset: Sendable {
    public let path: String
    public let expected: ExpectedTotals

    /// Runs `stripe-dataset` from `binaries`, writing `dataset.json` and `expected.json` into `folder`.
    public static func generate(
        binaries: URL, into folder: URL, customers: Int, seed: UInt64, accounts: Int = 1
    ) throws -> GeneratedDataset {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("dataset.json").path
        let expectedPath = folder.appendingPathComponent("expected.json").path
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("stripe-dataset")
        process.arguments = [
            "--customers", "\(customers)", "--seed", "\(seed)", "--accounts", "\(accounts)",
            "--out", path, "--expected", expectedPath,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ClusterError("stripe-dataset failed with status \(process.terminationStatus)")
        }
        let expected = try JSONDecoder().decode(
            ExpectedTotals.self, from: Data(contentsOf: URL(fileURLWithPath: expectedPath)))
        return GeneratedDataset(path: path, expected: expected)
    }
}
