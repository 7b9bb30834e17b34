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
    static func replace(_ path: String, with bytes: [UInt8]) throws(OutputFailure) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        // O_EXCL: never write through something already at the temporary name (a link someone placed);
        // a leftover of an earlier run killed with the same process id is removed first.
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0, errno == EEXIST, unlink(temporary) == 0 { fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
        guard fd >= 0 else { throw .cannotWrite(path, DescriptorWriter.text(errno)) }
        var code = DescriptorWriter.write(bytes, to: fd)
        if close(fd) != 0, code == 0 { code = errno }
        // rename(2) replaces the target in one step on the same file system.
        if code == 0, rename(temporary, target.path) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw .cannotWrite(path, DescriptorWriter.text(code))
        }
    }
}
