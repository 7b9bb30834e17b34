/// Why an output was not written, or not wholly. The command line gives each its exit code: the first
/// three leave nothing changed (73, "cannot write"); `ioError` means a stream or device failed part-way
/// (74, "I/O error"); `readerClosed` means the reader of a pipe went away, which a Unix tool takes as
/// the reader's choice (`deposits list | head -1`).
public enum OutputFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output is one of the files this run read.
    case wouldOverwriteInput(String)
    /// The output could not be created or replaced (the old file, if any, is whole).
    case cannotWrite(String, String)
    /// The path names something an output cannot be written to: a directory, a socket, a block device.
    case notWritable(String, FileKind)
    /// A write to a stream or device (standard output, a FIFO, `/dev/full`) failed; part may have gone out.
    case ioError(String, String)
    /// The reader of a pipe or FIFO closed it (`EPIPE`).
    case readerClosed(String)

    public var description: String {
        switch self {
        case .wouldOverwriteInput(let path): return "refusing to write over the input file \(path); choose another output path"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .notWritable(let path, let kind):
            return "cannot write \(path): it is \(kind); give a file, a FIFO, a character device, or - for standard output"
        case .ioError(let path, let reason): return "error writing \(path): \(reason)"
        case .readerClosed(let path): return "the reader of \(path) closed it"
        }
    }
}
