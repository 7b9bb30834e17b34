import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces regular files so that a reader sees either the old file whole or the new one whole, never a
/// half-written one. Only for regular files and new paths: `write` goes through `OutputFile`, which
/// writes devices and FIFOs in place and refuses directories, so no device node is ever replaced.
package enum AtomicFile {
    /// The errors of writing an output.
    package typealias Failure = OutputFailure

    /// Writes `bytes` to `url` as `OutputFile.write` does: atomically when it is a regular file or new.
    /// - Parameter inputs: files this run read; writing over any of them is refused.
    package static func write(_ bytes: Data, to url: URL, inputs: [URL] = []) throws {
        try OutputFile.write([UInt8](bytes), to: url.path, inputs: inputs)
    }

    package static func write(_ text: String, to url: URL, inputs: [URL] = []) throws {
        try OutputFile.write(Array(text.utf8), to: url.path, inputs: inputs)
    }

    /// Writes `bytes` to a temporary file beside `path` (symbolic links followed), then renames it over.
    /// A file replaced keeps its permission bits (a private `0600` file stays private; set-id bits are
    /// not kept) and, where the system lets us give it away, its owner and group.
    static func replace(_ path: String, with bytes: [UInt8]) throws(OutputFailure) {
        let temporary = try Temporary(replacing: path)
        let code = DescriptorWriter.write(bytes, to: temporary.descriptor)
        if code != 0 {
            temporary.abandon()
            throw .cannotWrite(path, DescriptorWriter.text(code))
        }
        try temporary.commit()
    }

    /// The new file being written beside the one it will replace: written through `descriptor`, then
    /// `commit()` renames it over the target, or `abandon()` removes it and leaves the target as it was.
    struct Temporary {
        /// The path as the user gave it (for messages).
        let path: String
        /// Where the new file is written, open for writing.
        let descriptor: Int32
        private let temporaryPath: String
        private let targetPath: String

        init(replacing path: String) throws(OutputFailure) {
            self.path = path
            // Not standardized: `..` after a linked directory is the kernel's to resolve, not ours to drop.
            let target = URL(fileURLWithPath: AtomicFile.linkTarget(path))
            let directory = target.deletingLastPathComponent()
            let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
            // O_EXCL: never write through something already at the temporary name (a link someone placed);
            // a leftover of an earlier run killed with the same process id is removed first.
            var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0, errno == EEXIST, unlink(temporary) == 0 { fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
            guard fd >= 0 else { throw .cannotWrite(path, DescriptorWriter.text(errno)) }
            var code: Int32 = 0
            var old = stat()
            if stat(target.path, &old) == 0 {
                // EPERM from fchown: a user who may not give files away owns the new one, as after any editor's save.
                if fchown(fd, old.st_uid, old.st_gid) != 0, errno != EPERM { code = errno }
                if code == 0, fchmod(fd, old.st_mode & 0o777) != 0 { code = errno }
            }
            if code != 0 {
                close(fd)
                unlink(temporary)
                throw .cannotWrite(path, DescriptorWriter.text(code))
            }
            descriptor = fd
            temporaryPath = temporary
            targetPath = target.path
        }

        /// Closes the new file and renames it over the target (rename(2) replaces it in one step on the
        /// same file system); on failure the new file is removed and the target left as it was.
        func commit() throws(OutputFailure) {
            var code: Int32 = 0
            if close(descriptor) != 0 { code = errno }
            if code == 0, rename(temporaryPath, targetPath) != 0 { code = errno }
            if code != 0 {
                unlink(temporaryPath)
                throw .cannotWrite(path, DescriptorWriter.text(code))
            }
        }

        /// Closes and removes the new file; the target is as it was.
        func abandon() {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// The path a chain of symbolic links at `path` ends at, whether or not anything is there: writing
    /// through a dangling link creates its target, as the shell's `>` does, and never replaces the link.
    /// Loops were refused before (`OutputTarget`); the count only bounds the walk.
    static func linkTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<64 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        return current
    }
}
