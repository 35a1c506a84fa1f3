/// A frame's length prefix exceeds what the reader accepts; the stream cannot be trusted after it.
public struct FrameTooLargeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let length: Int
    public let maximum: Int

    public init(length: Int, maximum: Int) {
        self.length = length
        self.maximum = maximum
    }

    public var description: String {
        "frame length prefix of \(length) bytes exceeds the maximum of \(maximum) bytes; "
            + "send smaller messages or raise maxFrameBytes on both ends"
    }
}
