#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the kernel knows it: device and inode. Two paths name the same file exactly when their
/// identities are equal, whatever symbolic links, hard links, `.` or `..` they go through.
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    /// The kind of file (regular, FIFO, character device...).
    package var kind: FileKind

    package static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
    package func hash(into h: inout Hasher) { h.combine(device); h.combine(inode) }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        kind = FileKind(mode: info.st_mode)
    }

    /// The file `path` names after following symbolic links, or nil when there is none (or it cannot be
    /// reached: a symlink loop, a missing directory, no permission to search one).
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file an open descriptor refers to (nil when the descriptor is not open).
    package init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }
}
