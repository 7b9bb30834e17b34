import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an output wherever a user pointed it (`OutputTarget`): a regular file atomically (a reader
/// sees the old file whole or the new one whole), a FIFO or character device in place, `-` to standard
/// output; never over one of the run's inputs.
///
///     let catalog = try Catalog.bundled()
///     try OutputFile.write(Array("{}".utf8), to: "tungsten.geojson", inputs: catalog.layerFiles)
package enum OutputFile {
    /// Writes `bytes` to `path` (`-` is standard output).
    /// - Parameter inputs: files this run read; writing over any of them is refused.
    /// - Throws: `OutputFailure`.
    package static func write(_ bytes: [UInt8], to path: String, inputs: [URL] = []) throws(OutputFailure) {
        try write(bytes, to: OutputTarget(path: path), inputs: inputs)
    }

    /// Writes `bytes` to a target already classified.
    package static func write(_ bytes: [UInt8], to target: OutputTarget, inputs: [URL] = []) throws(OutputFailure) {
        if target.overwrittenInput(among: inputs) != nil { throw .wouldOverwriteInput(target.path) }
        switch target {
        case .standardOutput: try writeStream(bytes, to: 1, name: target.path)
        case .standardError: try writeStream(bytes, to: 2, name: target.path)
        case .file(let path): try AtomicFile.replace(path, with: bytes)
        case .stream(let path):
            // No O_CREAT, no O_TRUNC: the node is written, never made or replaced. Opening a FIFO waits for
            // its reader, as `cat > fifo` does.
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotWrite(path, DescriptorWriter.text(errno)) }
            defer { close(fd) }
            // The path may have changed between the look and the open; the open descriptor decides.
            guard let opened = FileIdentity(descriptor: fd), [.fifo, .characterDevice].contains(opened.kind) else {
                throw .cannotWrite(path, "it changed while being opened")
            }
            try writeStream(bytes, to: fd, name: path)
        }
    }

    /// Writes all of `bytes` to an open stream descriptor.
    package static func writeStream(_ bytes: [UInt8], to fd: Int32, name: String) throws(OutputFailure) {
        let code = DescriptorWriter.write(bytes, to: fd)
        switch code {
        case 0: return
        case EPIPE: throw .readerClosed(name)
        // A closed descriptor (`>&-`) is one the program found closed and held on /dev/null read-only.
        case EBADF: throw .ioError(name, "it is closed")
        default: throw .ioError(name, DescriptorWriter.text(code))
        }
    }
}
