import Foundation

/// A failed system call, naming the call, its errno and what it was doing.
public struct SystemCallError: Error, Sendable, CustomStringConvertible {
    public let function: String
    public let errno: Int32
    public let context: String

    public var description: String {
        "\(function) failed for \(context): \(String(cString: strerror(errno))) (errno \(errno))"
    }

    /// Runs `call`, retrying while it fails with `EINTR`; throws on any other failure.
    @discardableResult
    static func retrying<Value: BinaryInteger>(
        _ function: String, _ context: @autoclosure () -> String, _ call: () -> Value
    ) throws(SystemCallError) -> Value {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = Foundation.errno
            if code == EINTR { continue }
            throw SystemCallError(function: function, errno: code, context: context())
        }
    }
}
