import Foundation
import XCTest

/// Standard output full, closed, or its reader gone; standard error closed (issue 11, case 5). No signal,
/// ever; the documented code (`deposits --help`): 74 when the answer could not be written, the failure's
/// own code when only its message could not, 0 when the reader of a pipe stopped early.
final class StandardStreamTests: XCTestCase {
    private func assertExit(_ r: CLIRunner.Result, _ status: Int32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.reason, .exit, "killed by signal \(r.status): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr, file: file, line: line)
    }

    func testFullStandardOutputIs74WithOneLine() throws {
        for arguments in [["export"], ["list"], ["near-rail", "kz-w-001", "--format", "json"], ["--help"], ["list", "--help"]] {
            let r = try CLIRunner.run(arguments, shellPrefix: "exec >/dev/full;")
            assertExit(r, 74)
            XCTAssertEqual(r.stderr, "deposits: error writing standard output: No space left on device\n", "\(arguments)")
        }
    }

    func testClosedStandardOutputIs74() throws {
        let r = try CLIRunner.run(["export"], shellPrefix: "exec >&-;")
        assertExit(r, 74)
        XCTAssertEqual(r.stderr, "deposits: error writing standard output: it is closed\n")
    }

    func testClosedStandardOutputAndErrorIs74Silently() throws {
        let r = try CLIRunner.run(["list"], shellPrefix: "exec >&- 2>&-;")
        assertExit(r, 74)
    }

    /// With stderr closed the message is lost, but the code still says "not found".
    func testClosedStandardErrorKeepsTheFailuresCode() throws {
        let r = try CLIRunner.run(["near-rail", "nope"], shellPrefix: "exec 2>&-;")
        assertExit(r, 2)
        XCTAssertEqual(r.stdout, "")
    }

    /// With stdout closed, an answer sent to `-o` still arrives whole and the run succeeds: descriptor 1 is
    /// held (read-only on /dev/null) so the output file cannot be given its number.
    func testAFileOpenedWithStdoutClosedDoesNotBecomeStdout() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-fd-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIRunner.run(["export", "--layer", "regions", "-o", out.path], shellPrefix: "exec >&-;")
        assertExit(r, 0)
        let written = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(written, try CLIRunner.succeed(["export", "--layer", "regions"]))
    }

    /// Runs `deposits` with a standard output pipe that nobody reads: the first write gets EPIPE.
    private func runIntoClosedPipe(_ arguments: [String]) throws -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// `deposits export | true`: the reader is gone before the first write. The command stops quietly with
    /// 0 (documented in README and `deposits --help`), not by SIGPIPE (141 in a shell) or with a message.
    func testAClosedPipeStopsQuietly() throws {
        let r = try runIntoClosedPipe(["export", "--layer", "rail"])
        XCTAssertEqual(r.reason, .exit, "killed by signal \(r.status)")
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stderr, "")
    }

    /// Quietly, but a survey with errors still exits 3: `validate s | head -1 && accept` must not accept it.
    func testAClosedPipeKeepsTheSurveyVerdict() throws {
        // The self-crossing corpus survey: 5 errors (README, "Checking a new survey").
        let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SurveyTests/Corpus/zigzag-five-crossings.geojson").path
        let r = try runIntoClosedPipe(["validate", broken])
        XCTAssertEqual(r.reason, .exit, "killed by signal \(r.status)")
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertEqual(r.stderr, "")
    }

    func testHelpDocuments74AndTheQuietExit() throws {
        let help = try CLIRunner.succeed(["--help"])
        XCTAssertTrue(help.contains("74 I/O error"), help)
        XCTAssertTrue(help.contains("quietly with 0"), help)
    }
}
