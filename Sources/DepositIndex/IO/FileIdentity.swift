#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the kernel knows it: device and inode. Two paths name the same file exactly when their
/// identities are equal, whatever symbolic links, hard links, `.` or `..` they go through.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    /// The kind of file (regular, FIFO, character device...).
    public var kind: FileKind

    public static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
    public func hash(into h: inout Hasher) { h.combine(device); h.combine(inode) }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        kind = FileKind(mode: info.st_mode)
    }

    /// The file `path` names after following symbolic links, or nil when there is none (or it cannot be
    /// reached: a symlink loop, a missing directory, no permission to search one).
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file an open descriptor refers to (nil when the descriptor is not open).
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }
}
