import Foundation

/// Finds this package's built executables next to the running test bundle.
public enum ExecutableLocator {
    public struct NotBuiltError: Error, CustomStringConvertible {
        public let name: String
        public let searched: [String]

        public var description: String {
            "executable '\(name)' was not found in \(searched.joined(separator: ", ")); "
                + "run `swift build` (with the same --scratch-path) before the tests"
        }
    }

    /// The executable's URL; stops the test run with a clear message when it was not built.
    public static func url(_ name: String) -> URL {
        do {
            return try find(name)
        } catch {
            fatalError("\(error)")
        }
    }

    /// The executable's URL, or `NotBuiltError` naming every directory looked in.
    public static func find(_ name: String) throws -> URL {
        let directories = candidateDirectories()
        for directory in directories {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw NotBuiltError(name: name, searched: directories.map(\.path))
    }

    /// The build directory holding the test bundle: on Linux the `.xctest` is itself the
    /// running executable; on macOS it is a bundle (`X.xctest/Contents/MacOS/X`) run by `xctest`.
    private static func candidateDirectories() -> [URL] {
        var starts: [URL] = []
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).resolvingSymlinksInPath())
        }
        starts.append(Bundle.main.bundleURL)
        starts.append(contentsOf: Bundle.allBundles.map(\.bundleURL))
        var directories: [URL] = []
        for start in starts {
            let components = start.pathComponents
            guard let bundleIndex = components.lastIndex(where: { $0.hasSuffix(".xctest") }) else {
                continue
            }
            let directory = URL(
                fileURLWithPath: NSString.path(withComponents: Array(components[..<bundleIndex])))
            if !directories.contains(directory) { directories.append(directory) }
        }
        return directories
    }
}
