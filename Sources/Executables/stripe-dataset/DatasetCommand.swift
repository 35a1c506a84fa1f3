import Foundation
import StripeEmulatorKit

/// `stripe-dataset --customers N --seed S [--accounts K] --out dataset.json [--expected expected.json]`
enum DatasetCommand {
    static let usage = """
        usage: stripe-dataset --customers N --seed S [--accounts K] --out dataset.json
                              [--expected expected.json]
        """

    static func run(arguments: [String]) -> Int32 {
        var options: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard ["--customers", "--seed", "--accounts", "--out", "--expected"].contains(name),
                index + 1 < arguments.count
            else {
                return fail("unknown or incomplete option \(name)\n\(usage)")
            }
            options[name] = arguments[index + 1]
            index += 2
        }
        guard let customers = options["--customers"].flatMap({ Int($0) }), customers >= 0 else {
            return fail("--customers must be a whole number of at least 0\n\(usage)")
        }
        guard let seed = options["--seed"].flatMap({ UInt64($0) }) else {
            return fail("--seed must be a whole number from 0 to \(UInt64.max)\n\(usage)")
        }
        guard let accounts = Int(options["--accounts"] ?? "1"), accounts >= 1 else {
            return fail("--accounts must be at least 1")
        }
        guard let out = options["--out"] else { return fail("--out is required\n\(usage)") }
        do {
            let generator = DatasetGenerator(customers: customers, seed: seed, accounts: accounts)
            let (dataset, expected) = try generator.generate()
            try dataset.write(to: out)
            if let path = options["--expected"] {
                try Data(expected.encodedJSON()).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            return fail(String(describing: error))
        }
        return 0
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data(("stripe-dataset: " + message + "\n").utf8))
        return 2
    }
}
