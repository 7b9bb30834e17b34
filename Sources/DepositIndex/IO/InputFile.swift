import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one gate every input file goes through (data layers, surveys, imports, stores): it must be a
/// regular file after following symbolic links. Anything else is refused with what it is, so a FIFO
/// cannot hang a command, `/dev/zero` cannot fill memory, and a symlink loop is not taken for "missing".
///
///     let bytes = try InputFile.read(URL(fileURLWithPath: "GeoData/deposits.geojson"))
///
/// The file is opened first (non-blocking, so opening a FIFO returns at once), then the open descriptor
/// is examined with `fstat` and only then read: there is no window between a check and the open in
/// which the path could be swapped for something else.
///
/// Why not `Data(contentsOf:)`: it opens and reads FIFOs and devices (and blocks on them), on Linux it
/// asks for the file's attributes through dictionaries of `FileAttributeKey`, which cost more than
/// reading a small file, and its errors ("You don't have permission") do not say what the path is.
package enum InputFile {
    /// An input that cannot be read, with what it is; `reason` has no path, `description` starts with it.
    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package enum Problem: Equatable, Sendable {
            /// Nothing at the path.
            case missing
            /// A symbolic link whose target does not exist.
            case danglingSymlink
            /// Symbolic links that lead back to themselves (or too many of them).
            case symlinkLoop
            /// Something that is not a regular file: a directory, a FIFO, a device, a socket.
            case notRegular(FileKind)
            /// Larger than the caller allows.
            case tooLarge(bytes: Int, limit: Int)
            /// The system refused to open or read it, in its own words.
            case unreadable(String)
        }

        package var path: String
        package var problem: Problem

        /// What is wrong, without the path: "a FIFO, not a regular file".
        package var reason: String {
            switch problem {
            case .missing: return "no such file"
            case .danglingSymlink: return "a symbolic link to a file that does not exist"
            case .symlinkLoop: return "a symbolic link loop (the links lead back to themselves)"
            case .notRegular(let kind): return "\(kind), not a regular file"
            case .tooLarge(let bytes, let limit): return "\(bytes) bytes, more than the \(limit) bytes allowed; split it"
            case .unreadable(let why): return "cannot read it: \(why)"
            }
        }

        package var description: String { "\(path): \(reason)" }
    }

    /// All the bytes of the regular file at `url`.
    /// - Parameter maximumBytes: refuse (`tooLarge`) a file larger than this, before reading it.
    package static func read(_ url: URL, maximumBytes: Int? = nil) throws(Failure) -> [UInt8] {
        let path = url.path
        let fd = try openRegular(path)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, problem: .unreadable(errorText(errno))) }
        let size = Int(info.st_size)
        if let maximumBytes, size > maximumBytes { throw Failure(path: path, problem: .tooLarge(bytes: size, limit: maximumBytes)) }
        // The size `fstat` gave, read into uninitialised memory (no zero fill for a large layer)...
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = systemRead(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                count += n
            }
        }
        // ...then on to the end of the file, so one that grew while being read is read whole.
        var chunk = [UInt8](repeating: 0, count: 65536)
        var atEnd = bytes.count < size
        while failure == 0, !atEnd {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { failure = errno }
            if n <= 0 { atEnd = true; continue }
            bytes += chunk[0..<n]
            if let maximumBytes, bytes.count > maximumBytes { throw Failure(path: path, problem: .tooLarge(bytes: bytes.count, limit: maximumBytes)) }
        }
        if failure != 0 { throw Failure(path: path, problem: .unreadable(errorText(failure))) }
        return bytes
    }

    /// Checks that `path` is a regular file that can be opened for reading, without reading it (for
    /// files another library opens by path, such as an SQLite store).
    package static func check(_ path: String) throws(Failure) {
        close(try openRegular(path))
    }

    /// A read-only descriptor on the regular file at `path`, or the reason there is none.
    private static func openRegular(_ path: String) throws(Failure) -> Int32 {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one, for ever.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, problem: problem(opening: path, errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw Failure(path: path, problem: .unreadable(errorText(code)))
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            throw Failure(path: path, problem: .notRegular(kind))
        }
        // Back to blocking reads, as for any regular file.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// What an `open` failure means for the path.
    private static func problem(opening path: String, _ code: Int32) -> Failure.Problem {
        switch code {
        case ENOENT:
            var info = stat()
            return lstat(path, &info) == 0 && FileKind(mode: info.st_mode) == .symlink ? .danglingSymlink : .missing
        case ELOOP: return .symlinkLoop
        // Linux refuses to open a socket file with ENXIO; say what it is rather than "No such device".
        case ENXIO, EOPNOTSUPP:
            var info = stat()
            if stat(path, &info) == 0 { return .notRegular(FileKind(mode: info.st_mode)) }
            return .unreadable(errorText(code))
        default: return .unreadable(errorText(code))
        }
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
