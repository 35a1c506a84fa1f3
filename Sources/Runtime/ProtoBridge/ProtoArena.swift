import CProtobufC
import Foundation

/// Owns every C allocation made while building one message tree and frees them all at once.
///
/// Allocations are carved from chunks (16 KiB unless asked otherwise; larger requests get their
/// own), so building or unpacking an answer of a thousand rows costs a handful of mallocs
/// instead of thousands.
@usableFromInline final class ProtoArena {
    private let chunkSize: Int
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0

    @usableFromInline init(chunkSize: Int = 16 << 10) {
        self.chunkSize = chunkSize
    }

    @usableFromInline func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        let size = (max(bytes, 1) + 15) & ~15  // keeps every block 16-byte aligned
        if size > remaining {
            if size > chunkSize / 4 { return newChunk(size) }
            cursor = newChunk(chunkSize)
            remaining = chunkSize
        }
        let block = cursor!
        cursor = block + size
        remaining -= size
        return block
    }

    private func newChunk(_ size: Int) -> UnsafeMutableRawPointer {
        guard let chunk = calloc(1, size) else {
            preconditionFailure("out of memory allocating \(size) bytes for a protobuf message")
        }
        chunks.append(chunk)
        return chunk
    }

    func copy(_ text: String) -> UnsafeMutablePointer<CChar> {
        var text = text
        return text.withUTF8 { utf8 in
            let block = allocate(bytes: utf8.count + 1).assumingMemoryBound(to: UInt8.self)
            if let base = utf8.baseAddress { block.update(from: base, count: utf8.count) }
            block[utf8.count] = 0
            return UnsafeMutableRawPointer(block).assumingMemoryBound(to: CChar.self)
        }
    }

    func copy(_ bytes: [UInt8]) -> UnsafeMutablePointer<UInt8> {
        let block = allocate(bytes: bytes.count).assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { block.update(from: base, count: source.count) }
        }
        return block
    }

    /// Calls `body` with a protobuf-c allocator that carves from this arena. protobuf-c's frees
    /// do nothing: everything goes when the arena does, so an unpacked message must not be
    /// passed to `free_unpacked` with any other allocator, nor outlive the arena.
    func withAllocator<R>(_ body: (UnsafeMutablePointer<ProtobufCAllocator>) throws -> R) rethrows -> R {
        var allocator = ProtobufCAllocator(
            alloc: { data, size in
                Unmanaged<ProtoArena>.fromOpaque(data!).takeUnretainedValue().allocate(bytes: size)
            },
            free: { _, _ in },
            allocator_data: Unmanaged.passUnretained(self).toOpaque()
        )
        return try withExtendedLifetime(self) { try body(&allocator) }
    }

    deinit {
        for chunk in chunks { free(chunk) }
    }
}
