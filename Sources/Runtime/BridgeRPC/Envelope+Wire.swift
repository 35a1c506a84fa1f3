import CContracts
import CProtobufC
import Foundation

extension Envelope {
    /// The envelope packed by protobuf-c, preceded by its 4-byte big-endian length.
    public func encodedFrame() -> [UInt8] {
        withCMessage { message in
            let size = stripebridge__rpc__v1__envelope__get_packed_size(message)
            let prefix = FrameDecoder.lengthPrefix(size)
            return [UInt8](unsafeUninitializedCapacity: size + prefix.count) { out, count in
                for index in 0..<prefix.count { out[index] = prefix[index] }
                let written = stripebridge__rpc__v1__envelope__pack(
                    message, out.baseAddress! + prefix.count)
                precondition(written == size, "protobuf-c packed \(written) bytes after sizing \(size)")
                count = size + prefix.count
            }
        }
    }

    /// Lends `body` a C envelope whose strings and payload point into this value's storage.
    private func withCMessage<Result>(
        _ body: (UnsafePointer<Stripebridge__Rpc__V1__Envelope>) -> Result
    ) -> Result {
        let entries = CMetadataEntries(metadata)
        defer { entries.release() }
        return payload.withUnsafeBufferPointer { payloadBytes in
            method.withCString { methodText in
                statusMessage.withCString { statusText in
                    var message = Stripebridge__Rpc__V1__Envelope()
                    stripebridge__rpc__v1__envelope__init(&message)
                    message.kind =
                        kind == .response
                        ? STRIPEBRIDGE__RPC__V1__ENVELOPE__KIND__RESPONSE
                        : STRIPEBRIDGE__RPC__V1__ENVELOPE__KIND__REQUEST
                    message.call_id = callID
                    // protobuf-c only reads these while packing; the casts drop a const it ignores.
                    message.method = UnsafeMutablePointer(mutating: methodText)
                    message.status_message = UnsafeMutablePointer(mutating: statusText)
                    message.deadline_unix_ms = deadlineUnixMs
                    message.status_code = statusCode
                    message.n_metadata = entries.count
                    message.metadata = entries.pointers
                    message.payload = ProtobufCBinaryData(
                        len: payloadBytes.count,
                        data: UnsafeMutablePointer(mutating: payloadBytes.baseAddress))
                    return body(&message)
                }
            }
        }
    }
}

/// Heap copies of metadata entries for packing; the one owner that frees them.
private struct CMetadataEntries {
    let count: Int
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<Stripebridge__Rpc__V1__MetadataEntry>?>?
    private let entries: UnsafeMutablePointer<Stripebridge__Rpc__V1__MetadataEntry>?

    init(_ metadata: [String: String]) {
        count = metadata.count
        guard count > 0 else {
            pointers = nil
            entries = nil
            return
        }
        let entries = UnsafeMutablePointer<Stripebridge__Rpc__V1__MetadataEntry>.allocate(capacity: count)
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Stripebridge__Rpc__V1__MetadataEntry>?>
            .allocate(capacity: count)
        // Sorted so equal metadata packs to equal bytes; one entry needs no sorting.
        let ordered = count == 1 ? Array(metadata) : metadata.sorted(by: { $0.key < $1.key })
        for (index, (key, value)) in ordered.enumerated() {
            var entry = Stripebridge__Rpc__V1__MetadataEntry()
            stripebridge__rpc__v1__metadata_entry__init(&entry)
            entry.key = strdup(key)
            entry.value = strdup(value)
            (entries + index).initialize(to: entry)
            pointers[index] = entries + index
        }
        self.entries = entries
        self.pointers = pointers
    }

    func release() {
        guard let entries, let pointers else { return }
        for index in 0..<count {
            free(entries[index].key)
            free(entries[index].value)
        }
        entries.deinitialize(count: count)
        entries.deallocate()
        pointers.deallocate()
    }
}
