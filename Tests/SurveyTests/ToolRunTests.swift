@testable import DepositIndex
import Foundation
import XCTest

/// The child-process runner GDAL's tools go through: a hang is stopped at the time limit, a crash is an
/// outcome to report, and output comes back whole. Uses /bin/sh and /bin/sleep, not GDAL.
final class ToolRunTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("toolrun-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let work { try FileManager.default.removeItem(at: work) }
    }

    func testAHangIsStoppedAtTheTimeLimit() throws {
        let started = Date()
        let run = try ToolRun.run(URL(fileURLWithPath: "/bin/sleep"), ["30"], workDirectory: work, timeoutSeconds: 0.5)
        XCTAssertEqual(run.outcome, .timedOut(seconds: 0.5))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "stopped, not waited for")
    }

    func testACrashIsItsSignal() throws {
        let run = try ToolRun.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo 'ERROR 1: about to fail' >&2; kill -SEGV $$"],
                                  workDirectory: work, timeoutSeconds: 30)
        XCTAssertEqual(run.outcome, .signalled(SIGSEGV))
        XCTAssertEqual(run.gdalErrors, "ERROR 1: about to fail")
    }

    func testOutputAndStatusComeBackWhole() throws {
        // 2 MB on standard output: more than a pipe holds, which would stall a child writing into one.
        let run = try ToolRun.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 2000000 /dev/zero; exit 3"],
                                  workDirectory: work, timeoutSeconds: 30)
        XCTAssertEqual(run.outcome, .exited(3))
        XCTAssertEqual(run.standardOutput.count, 2_000_000)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path), [], "the output files are removed")
    }

    func testAToolThatIsNotThereIsALaunchFailure() {
        XCTAssertThrowsError(try ToolRun.run(URL(fileURLWithPath: "/nonexistent/ogr2ogr"), [], workDirectory: work, timeoutSeconds: 1))
    }
}
