import Dispatch
import Foundation

/// One run of an external program (GDAL's `ogrinfo` or `ogr2ogr`) with its output in files, not pipes
/// (so a large output cannot fill a pipe and stall it), and a time limit: a run past it is killed and
/// reported, so no input can hang a command. A crash of the program is its exit status here, never ours.
struct ToolRun: Sendable {
    enum Outcome: Equatable, Sendable {
        case exited(Int32)
        /// Killed by a signal (its number): a crash of the tool, or our kill at the time limit.
        case signalled(Int32)
        case timedOut(seconds: Double)
    }

    var outcome: Outcome
    var standardOutput: [UInt8]
    var standardError: String

    struct LaunchFailure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// Runs `tool` with `arguments`, output into files of `workDirectory`.
    static func run(_ tool: URL, _ arguments: [String], workDirectory: URL, timeoutSeconds: Double) throws(LaunchFailure) -> ToolRun {
        let name = tool.lastPathComponent
        let out = workDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out")
        let err = workDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).err")
        defer {
            // Temporary files in our own directory, which the caller removes whole; nothing to report.
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        guard FileManager.default.createFile(atPath: out.path, contents: nil),
              FileManager.default.createFile(atPath: err.path, contents: nil),
              let outHandle = try? FileHandle(forWritingTo: out), let errHandle = try? FileHandle(forWritingTo: err) else {
            throw LaunchFailure(description: "cannot create the files for \(name)'s output in \(workDirectory.path)")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        var environment = ProcessInfo.processInfo.environment
        // GDAL's messages in English, whatever the user's locale, and no network for remote files.
        environment["LC_ALL"] = "C"
        environment["GDAL_HTTP_TIMEOUT"] = "1"
        environment["CPL_VSIL_CURL_ALLOWED_EXTENSIONS"] = ".none"
        process.environment = environment
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            try? outHandle.close()
            try? errHandle.close()
            throw LaunchFailure(description: "cannot start \(tool.path): \(error.localizedDescription)")
        }
        var outcome: Outcome
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            outcome = .timedOut(seconds: timeoutSeconds)
        } else {
            outcome = process.terminationReason == .uncaughtSignal ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        }
        try? outHandle.close()
        try? errHandle.close()
        do {
            let stdout = try InputFile.read(out)
            let stderr = String(decoding: try InputFile.read(err), as: UTF8.self)
            return ToolRun(outcome: outcome, standardOutput: stdout, standardError: stderr)
        } catch {
            throw LaunchFailure(description: "cannot read \(name)'s output: \(error.description)")
        }
    }

    /// GDAL's own error lines (`ERROR 1: ...`), else its last line of output, for a message.
    var gdalErrors: String {
        let lines = standardError.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let errors = lines.filter { $0.hasPrefix("ERROR") || $0.hasPrefix("FAILURE") }
        let chosen = errors.isEmpty ? Array(lines.suffix(1)) : errors
        var seen = Set<String>()
        return chosen.filter { seen.insert($0).inserted }.prefix(4).joined(separator: "; ")
    }
}
