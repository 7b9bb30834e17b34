import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output path leads, decided before anything is written: standard output, a stream written
/// in place (a FIFO or a character device such as `/dev/null`), or a file replaced atomically (a regular
/// file, or a path with nothing there yet). Anything else is refused: replacing a device node or a FIFO
/// with a regular file, which a rename would do, loses what was there.
///
///     let target = try OutputTarget(path: "-")          // standard output
///     try OutputFile.write(Array("…".utf8), to: target, inputs: [])
package enum OutputTarget: Equatable, Sendable {
    /// Descriptor 1, for `-` and `/dev/stdout` (written there directly, as the shell set it up).
    case standardOutput
    /// Descriptor 2, for `/dev/stderr`: written there directly, so a file behind it (`2>>log`) is written
    /// as the shell set it up, not replaced.
    case standardError
    /// An existing FIFO or character device, opened and written in place, never created or replaced.
    case stream(String)
    /// A regular file or a new path: written to a temporary file beside it, then renamed over it.
    case file(String)

    /// The paths that mean standard output.
    static let standardOutputPaths: Set<String> = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]

    /// The paths that mean standard error. Other `/dev/fd/N` paths are looked at as files (a pipe from
    /// `>(…)` is a FIFO): descriptor N could be one this program opened, such as a store's.
    static let standardErrorPaths: Set<String> = ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"]

    /// Classifies `path`, following symbolic links.
    /// - Throws: `OutputFailure.notWritable` for a directory, socket or block device, and
    ///   `OutputFailure.cannotWrite` for a symlink loop or a path that cannot be looked at.
    package init(path: String) throws(OutputFailure) {
        if Self.standardOutputPaths.contains(path) {
            self = .standardOutput
            return
        }
        if Self.standardErrorPaths.contains(path) {
            self = .standardError
            return
        }
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            switch code {
            // Nothing there yet (a dangling symlink creates its target, as the shell's `>` does).
            case ENOENT: self = .file(path)
            case ELOOP: throw .cannotWrite(path, "it is a symbolic link loop (the links lead back to themselves)")
            default: throw .cannotWrite(path, DescriptorWriter.text(code))
            }
            return
        }
        switch FileKind(mode: info.st_mode) {
        case .regular: self = .file(path)
        case .fifo, .characterDevice: self = .stream(path)
        case let kind: throw .notWritable(path, kind)
        }
    }

    /// The path as given (`-` for standard output).
    package var path: String {
        switch self {
        case .standardOutput: return "standard output"
        case .standardError: return "standard error"
        case .stream(let p), .file(let p): return p
        }
    }

    /// The file the target is now, if there is one.
    package var identity: FileIdentity? {
        switch self {
        case .standardOutput: return FileIdentity(descriptor: 1)
        case .standardError: return FileIdentity(descriptor: 2)
        case .stream(let p), .file(let p): return FileIdentity(path: p)
        }
    }

    /// The path with `.`, `..` and symbolic links resolved, to compare targets that do not exist yet.
    var resolvedPath: String? {
        switch self {
        case .standardOutput, .standardError: return nil
        case .stream(let p), .file(let p): return URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    /// True when writing both would write one file twice: both standard output (or both standard error),
    /// the same file (by device and inode, so hard links and symbolic links count), or the same path with
    /// nothing there. One character device written twice (`/dev/null`, a terminal) is no conflict, unless
    /// both are standard output, where two documents would run together.
    package func sameFile(as other: OutputTarget) -> Bool {
        if self == other, self == .standardOutput || self == .standardError { return true }
        if let a = identity, let b = other.identity {
            return a == b && a.kind != .characterDevice
        }
        if identity == nil, other.identity == nil, let a = resolvedPath, let b = other.resolvedPath { return a == b }
        return false
    }

    /// The input among `inputs` this target would write over (compared by device and inode, and by path
    /// for inputs that no longer exist), or nil.
    package func overwrittenInput(among inputs: [URL]) -> URL? {
        let mine = identity
        let myPath = resolvedPath
        for input in inputs {
            if let mine, let theirs = FileIdentity(path: input.path) {
                if mine == theirs, mine.kind == .regular { return input }
            } else if let myPath, URL(fileURLWithPath: input.path).standardizedFileURL.resolvingSymlinksInPath().path == myPath {
                return input
            }
        }
        return nil
    }
}
