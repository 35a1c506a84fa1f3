import Glibc

/// Reads a whole file straight into a byte array (no intermediate `Data` copy).
enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DatasetError("cannot open \(path) (errno \(errno)); check the path and its permissions")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DatasetError("cannot stat \(path) (errno \(errno))")
        }
        let size = Int(status.st_size)
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    throw DatasetError(
                        "reading \(path) stopped after \(count) of \(size) bytes (errno \(errno))")
                }
                count += got
            }
        }
    }
}
