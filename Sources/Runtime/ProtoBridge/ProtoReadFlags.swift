/// What the readers of one message tree noticed while building Swift values; shared by the
/// reader of the top message and every reader of a nested one.
@usableFromInline final class ProtoReadFlags {
    /// A string read was not valid UTF-8 (and came back repaired with U+FFFD).
    var sawInvalidUTF8 = false

    @usableFromInline init() {}
}
