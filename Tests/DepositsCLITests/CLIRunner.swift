import Foundation
import XCTest

/// Runs the built `deposits` executable the way a shell would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// `.uncaughtSignal` when the process died by a signal (then `status` is the signal's number).
        var reason: Process.TerminationReason = .exit
    }

    /// The `deposits` binary built beside this test bundle (SwiftPM builds it first: the test target
    /// depends on the executable target).
    static var executable: URL {
        var directory = Bundle(for: Marker.self).bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("deposits").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("deposits")
    }

    /// Runs `deposits` with the arguments; `shellPrefix` (e.g. "ulimit -f 1; trap '' XFSZ;") runs in a
    /// shell before it, to set limits for the process.
    static func run(_ arguments: [String], shellPrefix: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.arguments = ["-c", shellPrefix + " exec " + quoted.joined(separator: " ")]
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a large answer cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), reason: process.terminationReason)
    }

    /// Runs and requires success; returns standard output.
    static func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(arguments)
        XCTAssertEqual(r.status, 0, "deposits \(arguments.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    private final class Marker {}
}
