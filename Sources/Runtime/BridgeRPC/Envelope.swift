import CContracts
import CProtobufC

/// One call or answer on the wire (`stripebridge.rpc.v1.Envelope`), as a Swift value.
///
/// Encoding and decoding go straight through the protobuf-c functions; the C message never
/// outlives the function that made it.
public struct Envelope: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case request, response
    }

    public var kind: Kind
    public var callID: UInt64
    public var method: String
    /// Absolute deadline in Unix milliseconds; 0 means none.
    public var deadlineUnixMs: Int64
    public var metadata: [String: String]
    public var payload: [UInt8]
    public var statusCode: Int32
    public var statusMessage: String

    public init(
        kind: Kind, callID: UInt64, method: String = "", deadlineUnixMs: Int64 = 0,
        metadata: [String: String] = [:], payload: [UInt8] = [], statusCode: Int32 = 0,
        statusMessage: String = ""
    ) {
        self.kind = kind
        self.callID = callID
        self.method = method
        self.deadlineUnixMs = deadlineUnixMs
        self.metadata = metadata
        self.payload = payload
        self.statusCode = statusCode
        self.statusMessage = statusMessage
    }

    /// The answer to this request carrying `status` (and `payload` when OK).
    func response(status: StatusCode, message: String = "", payload: [UInt8] = []) -> Envelope {
        Envelope(
            kind: .response, callID: callID, method: method, payload: payload,
            statusCode: status.rawValue, statusMessage: message)
    }
}
