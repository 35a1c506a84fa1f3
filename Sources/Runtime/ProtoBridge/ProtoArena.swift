import Foundation

/// Owns every C allocation made while building one message tree; frees them all at once.
final class ProtoArena {
    private var blocks: [UnsafeMutableRawPointer] = []

    func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        guard let block = calloc(1, max(bytes, 1)) else {
            preconditionFailure("out of memory allocating \(bytes) bytes for a protobuf message")
        }
        blocks.append(block)
        return block
    }

    func copy(_ text: String) -> UnsafeMutablePointer<CChar> {
        var utf8 = Array(text.utf8CString)
        let block = allocate(bytes: utf8.count).assumingMemoryBound(to: CChar.self)
        utf8.withUnsafeMutableBufferPointer { block.update(from: $0.baseAddress!, count: $0.count) }
        return block
    }

    func copy(_ bytes: [UInt8]) -> UnsafeMutablePointer<UInt8> {
        let block = allocate(bytes: bytes.count).assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { block.update(from: base, count: source.count) }
        }
        return block
    }

    deinit {
        for block in blocks { free(block) }
    }
}
