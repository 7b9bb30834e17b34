import Foundation

/// What is at a store's path, looked at before SQLite opens it: SQLite waits forever opening a FIFO,
/// calls a directory or a device a "disk I/O error", and a symbolic-link loop looks like no file at all.
enum StorePath: Equatable {
    case missing
    case regularFile
    /// Something else, in words ("a FIFO (named pipe)").
    case other(String)

    init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let error = errno
            var link = stat()
            switch error {
            case ELOOP: self = .other("a loop of symbolic links")
            case ENOENT where lstat(path, &link) == 0: self = .other("a symbolic link to nothing")
            case ENOENT, ENOTDIR: self = .missing
            case EACCES: self = .other("out of reach: permission denied on a directory on its path")
            default: self = .other("unreachable (\(String(cString: strerror(error))))")
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .other("a directory")
        case S_IFIFO: self = .other("a FIFO (named pipe)")
        case S_IFCHR: self = .other("a character device")
        case S_IFBLK: self = .other("a block device")
        case S_IFSOCK: self = .other("a socket")
        default: self = .other("not a regular file")
        }
    }
}
