import CContracts
import CProtobufC

/// The health check's request and answer (`stripebridge.health.v1`), encoded through protobuf-c.
public enum HealthMessages {
    public static let checkMethod = "/stripebridge.health.v1.Health/Check"

    public struct Status: Sendable, Equatable {
        public var serving: Bool
        public var service: String
        public var uptimeSeconds: Int64

        public init(serving: Bool, service: String, uptimeSeconds: Int64) {
            self.serving = serving
            self.service = service
            self.uptimeSeconds = uptimeSeconds
        }
    }

    public static func encodeRequest(service: String) -> [UInt8] {
        service.withCString { text in
            var message = Stripebridge__Health__V1__HealthCheckRequest()
            stripebridge__health__v1__health_check_request__init(&message)
            message.service = UnsafeMutablePointer(mutating: text)  // only read while packing
            let size = stripebridge__health__v1__health_check_request__get_packed_size(&message)
            return [UInt8](unsafeUninitializedCapacity: size) { out, count in
                count = stripebridge__health__v1__health_check_request__pack(&message, out.baseAddress!)
            }
        }
    }

    /// The requested service name; nil when the bytes are not a `HealthCheckRequest`.
    public static func decodeRequest(_ bytes: [UInt8]) -> String? {
        let unpacked = bytes.withUnsafeBufferPointer { buffer in
            stripebridge__health__v1__health_check_request__unpack(nil, buffer.count, buffer.baseAddress)
        }
        guard let message = unpacked else { return nil }
        defer { stripebridge__health__v1__health_check_request__free_unpacked(message, nil) }
        return String(cString: message.pointee.service)
    }

    public static func encodeResponse(_ status: Status) -> [UInt8] {
        status.service.withCString { text in
            var message = Stripebridge__Health__V1__HealthCheckResponse()
            stripebridge__health__v1__health_check_response__init(&message)
            message.status =
                status.serving
                ? STRIPEBRIDGE__HEALTH__V1__HEALTH_CHECK_RESPONSE__SERVING_STATUS__SERVING
                : STRIPEBRIDGE__HEALTH__V1__HEALTH_CHECK_RESPONSE__SERVING_STATUS__NOT_SERVING
            message.service = UnsafeMutablePointer(mutating: text)  // only read while packing
            message.uptime_seconds = status.uptimeSeconds
            let size = stripebridge__health__v1__health_check_response__get_packed_size(&message)
            return [UInt8](unsafeUninitializedCapacity: size) { out, count in
                count = stripebridge__health__v1__health_check_response__pack(&message, out.baseAddress!)
            }
        }
    }

    /// nil when the bytes are not a `HealthCheckResponse`.
    public static func decodeResponse(_ bytes: [UInt8]) -> Status? {
        let unpacked = bytes.withUnsafeBufferPointer { buffer in
            stripebridge__health__v1__health_check_response__unpack(nil, buffer.count, buffer.baseAddress)
        }
        guard let message = unpacked else { return nil }
        defer { stripebridge__health__v1__health_check_response__free_unpacked(message, nil) }
        return Status(
            serving: message.pointee.status
                == STRIPEBRIDGE__HEALTH__V1__HEALTH_CHECK_RESPONSE__SERVING_STATUS__SERVING,
            service: String(cString: message.pointee.service),
            uptimeSeconds: message.pointee.uptime_seconds)
    }
}
