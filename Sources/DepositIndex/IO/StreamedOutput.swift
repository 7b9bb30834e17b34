import Foundation

/// An output written piece by piece as an answer is made, for answers too large to hold as one text
/// (`--format jsonl` and `geojsonseq`). The target is classified as `OutputFile` does: standard output,
/// a FIFO or a device is written in place as the pieces come; a regular file is written to a temporary
/// file beside it and renamed over it by `finish()`, so a run that fails part-way leaves the old file
/// whole. Pieces gather in a buffer of at most `bufferSize` bytes before each `write(2)`.
///
///     let out = try StreamedOutput(path: "-", inputs: [])
///     try out.write(Array("{\"a\":1}\n".utf8))
///     try out.finish()
package final class StreamedOutput {
    private let target: OutputTarget
    private var descriptor: Int32
    private var temporary: AtomicFile.Temporary?
    private var ownsDescriptor = false
    private var buffer: [UInt8] = []
    private let bufferSize: Int
    private var finished = false

    /// Opens `path` (`-` or nil: standard output) for writing.
    /// - Parameter inputs: files this run reads; writing over any of them is refused before anything is written.
    /// - Throws: `OutputFailure`.
    package init(path: String?, inputs: [URL], bufferSize: Int = 1 << 20) throws(OutputFailure) {
        let target = try OutputTarget(path: path ?? "-")
        if target.overwrittenInput(among: inputs) != nil { throw .wouldOverwriteInput(target.path) }
        self.target = target
        self.bufferSize = max(1, bufferSize)
        buffer.reserveCapacity(self.bufferSize)
        switch target {
        case .standardOutput: descriptor = 1
        case .standardError: descriptor = 2
        case .file(let p):
            let t = try AtomicFile.Temporary(replacing: p)
            temporary = t
            descriptor = t.descriptor
        case .stream(let p):
            // As `OutputFile`: no O_CREAT, no O_TRUNC; the open descriptor decides what the node is.
            let fd = open(p, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotWrite(p, DescriptorWriter.text(errno)) }
            guard let opened = FileIdentity(descriptor: fd), [.fifo, .characterDevice].contains(opened.kind) else {
                close(fd)
                throw .cannotWrite(p, "it changed while being opened")
            }
            descriptor = fd
            ownsDescriptor = true
        }
    }

    deinit {
        // Never finished (an error part-way): a new file is removed, the old one stays whole.
        temporary?.abandon()
        if ownsDescriptor { close(descriptor) }
    }

    /// Adds `bytes`, writing the buffer out whenever it is full.
    package func write(_ bytes: [UInt8]) throws(OutputFailure) {
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try put(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what is buffered and ends the output: a regular file replaces the old one now.
    package func finish() throws(OutputFailure) {
        guard !finished else { return }
        try flush()
        finished = true
        if let t = temporary {
            temporary = nil
            try t.commit()
        }
    }

    private func flush() throws(OutputFailure) {
        if buffer.isEmpty { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws(OutputFailure) {
        if let t = temporary {
            let code = DescriptorWriter.write(bytes, to: t.descriptor)
            if code != 0 { throw .cannotWrite(t.path, DescriptorWriter.text(code)) }
        } else {
            try OutputFile.writeStream(bytes, to: descriptor, name: target.path)
        }
    }
}
