import Foundation
import XCTest

/// Runs the built `deposits` executable as a user would, output in files (no pipe to fill).
enum DepositsRun {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `deposits` binary built beside this test bundle.
    static var executable: URL {
        var directory = Bundle(for: Marker.self).bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("deposits").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("deposits")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let temp = FileManager.default.temporaryDirectory
        let out = temp.appendingPathComponent("pg-run-\(UUID().uuidString).out"), err = temp.appendingPathComponent("pg-run-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs and requires success; returns standard output.
    static func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(arguments)
        XCTAssertEqual(r.status, 0, "deposits \(arguments.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    private final class Marker {}
}
