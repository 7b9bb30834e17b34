import Foundation

/// Writes output files so that a reader sees either the old file whole or the new one whole, never a
/// half-written one, and so that an input is never overwritten by an output.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible {
        case wouldOverwriteInput(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .wouldOverwriteInput(let path): return "refusing to write over the input file \(path); choose another output path"
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `bytes` to a temporary file beside `url`, then renames it over `url`.
    /// - Parameter inputs: files this run read; writing over any of them is refused.
    public static func write(_ bytes: Data, to url: URL, inputs: [URL] = []) throws {
        let target = url.standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where input.standardizedFileURL.resolvingSymlinksInPath().path == target.path {
            throw Failure.wouldOverwriteInput(url.path)
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try bytes.write(to: temporary)
            // rename(2) replaces the target in one step on the same file system.
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw Failure.cannotWrite(url.path, reason)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure.cannotWrite(url.path, (error as NSError).localizedDescription)
        }
    }

    public static func write(_ text: String, to url: URL, inputs: [URL] = []) throws {
        try write(Data(text.utf8), to: url, inputs: inputs)
    }
}
