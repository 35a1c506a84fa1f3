import Foundation

/// Writes one JSON line per event to stderr: `{"ts":…,"level":…,"label":…,"msg":…, metadata…}`.
///
/// Metadata keys are dotted (`rpc.method`, `stripe.request_id`). Callers must never put a
/// secret or an email into a message or metadata at info level or above; `Redact` helps.
public struct Logger: Sendable {
    public let label: String
    public var level: LogLevel
    /// Metadata stamped on every line of this logger (a request id, a business id).
    public var metadata: [String: String]
    private let sink: LogSink

    public init(label: String, level: LogLevel? = nil, sink: LogSink = .standardError) {
        self.label = label
        self.level = level ?? Logger.levelFromEnvironment()
        self.metadata = [:]
        self.sink = sink
    }

    /// A copy of this logger that adds `extra` to every line.
    public func with(_ extra: [String: String]) -> Logger {
        var copy = self
        copy.metadata.merge(extra) { _, new in new }
        return copy
    }

    public func log(_ level: LogLevel, _ message: String, _ extra: [String: String] = [:]) {
        guard level >= self.level else { return }
        var fields = metadata
        fields.merge(extra) { _, new in new }
        sink.write(LogLine.render(level: level, label: label, message: message, fields: fields))
    }

    public func trace(_ message: String, _ extra: [String: String] = [:]) { log(.trace, message, extra) }
    public func debug(_ message: String, _ extra: [String: String] = [:]) { log(.debug, message, extra) }
    public func info(_ message: String, _ extra: [String: String] = [:]) { log(.info, message, extra) }
    public func notice(_ message: String, _ extra: [String: String] = [:]) { log(.notice, message, extra) }
    public func warning(_ message: String, _ extra: [String: String] = [:]) { log(.warning, message, extra) }
    public func error(_ message: String, _ extra: [String: String] = [:]) { log(.error, message, extra) }
    public func critical(_ message: String, _ extra: [String: String] = [:]) { log(.critical, message, extra) }

    /// `STRIPEBRIDGE_LOG_LEVEL` (trace…critical), info when unset or unknown.
    public static func levelFromEnvironment() -> LogLevel {
        ProcessInfo.processInfo.environment["STRIPEBRIDGE_LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .info
    }
}
