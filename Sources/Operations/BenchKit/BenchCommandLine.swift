import Foundation

/// A benchmark's command line, checked before anything is started: `--name value` options,
/// flags and at most one bare value, each at most once. A wrong argument ends the program with
/// status 64 (EX_USAGE) and one line on stderr naming the argument, what is allowed, and the
/// usage; `--help` prints the usage and exits 0.
public struct BenchCommandLine {
    public let program: String
    public let usage: String
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// `options` take a value; `bareValue` names the one argument allowed without a dash.
    public init(
        program: String, usage: String, options: [String], flags allowedFlags: [String] = [],
        bareValue: String? = nil, arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) {
        self.program = program
        self.usage = usage
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" {
                print("usage: \(usage)")
                exit(0)
            } else if options.contains(argument) {
                guard index < arguments.count else { fail("\(argument) needs a value") }
                guard values[argument] == nil else { fail("\(argument) is given twice") }
                values[argument] = arguments[index]
                index += 1
            } else if allowedFlags.contains(argument) {
                guard flags.insert(argument).inserted else { fail("\(argument) is given twice") }
            } else if let bareValue, !argument.hasPrefix("--"), values[bareValue] == nil {
                values[bareValue] = argument
            } else {
                fail("unknown argument \"\(argument)\"")
            }
        }
    }

    /// The whole number given for `name`, `fallback` when absent; below `minimum` is an error.
    /// `rule` says why the minimum is what it is, when that is not obvious.
    public func integer(_ name: String, default fallback: Int, minimum: Int, rule: String? = nil) -> Int {
        guard let text = values[name] else { return fallback }
        // Plain decimal digits only: no sign, no leading zeros.
        let plain =
            text == "0"
            || (text.first != "0" && !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber))
        guard plain, let value = Int(text), value >= minimum else {
            let why = rule.map { " (\($0))" } ?? ""
            fail("\(name) must be a whole number ≥ \(minimum)\(why), not \"\(text)\"")
        }
        return value
    }

    public func isSet(_ flag: String) -> Bool { flags.contains(flag) }

    /// Prints `problem` and the usage on one line to stderr and exits with status 64.
    public func fail(_ problem: String) -> Never {
        FileHandle.standardError.write(Data("\(program): \(problem); usage: \(usage)\n".utf8))
        exit(64)
    }
}
