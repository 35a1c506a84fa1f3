import CMicroHTTPD

/// Turns an `HTTPResponse` into an MHD response and queues it; MHD copies the body.
enum ResponseSender {
    static func send(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        // An empty body is sent from a one-byte buffer with length 0: MHD wants a valid pointer.
        var body = response.body.isEmpty ? [0] : response.body
        let length = response.body.count
        let created: OpaquePointer? = body.withUnsafeMutableBytes { bytes in
            MHD_create_response_from_buffer(length, bytes.baseAddress, .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else { return .NO }
        for (name, value) in response.headers {
            // MHD_NO here means a malformed header (e.g. a newline in it); dropping it is safer.
            _ = MHD_add_response_header(mhdResponse, name, value)
        }
        let queued = MHD_queue_response(connection, UInt32(response.status), mhdResponse)
        MHD_destroy_response(mhdResponse)
        return queued
    }
}
