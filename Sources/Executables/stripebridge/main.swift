import Foundation

// stripebridge: operator commands. `demo` runs the main job end to end on generated data.
let arguments = Array(CommandLine.arguments.dropFirst())
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
do {
    switch arguments.first {
    case "demo":
        try DemoCommand(arguments: Array(arguments.dropFirst())).run(binaries: binaries)
    case "run-due":
        try RunDueCommand(arguments: Array(arguments.dropFirst())).run()
    default:
        print(
            """
            usage: stripebridge demo [--customers N] [--seed S] [--folder PATH]
                   stripebridge run-due [--all] [--config PATH]
            """)
        exit(arguments.isEmpty ? 0 : 64)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
