/// Per-connection state between the first call of the access handler and the answer:
/// the upload data read so far.
final class PendingRequest {
    var body: [UInt8] = []
}
