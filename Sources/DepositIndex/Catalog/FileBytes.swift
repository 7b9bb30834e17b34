import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file's bytes by `open`/`fstat`/`read`.
///
/// Why not `Data(contentsOf:)`: on Linux it asks for the file's attributes through dictionaries of
/// `FileAttributeKey`, which cost more than reading a small file. When anything goes wrong the file is
/// read again by `Data(contentsOf:)`, so the error a user sees is the one it gives.
enum FileBytes {
    static func read(_ url: URL) throws -> [UInt8] {
        if let bytes = posixRead(url.path) { return bytes }
        return try [UInt8](Data(contentsOf: url))
    }

    private static func posixRead(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = systemRead(fd, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            failed = done != size
            count = done
        }
        return failed ? nil : bytes
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
