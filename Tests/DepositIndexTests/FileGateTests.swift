import Foundation
import XCTest
@testable import DepositIndex

/// `InputFile` (the one gate for inputs) and `OutputTarget`/`OutputFile` (where an output goes), for the
/// library's own callers: the tools under Tools/ write through `AtomicFile.write`, which now goes the same way.
final class FileGateTests: XCTestCase {
    private func scratch() throws -> URL { try temporaryDataDirectory([:], self) }

    func testInputFileReadsARegularFileWhole() throws {
        let dir = try scratch()
        // 200,000 bytes of a known pattern, all of them back, in order.
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: dir.appendingPathComponent("big"))
        XCTAssertEqual(try InputFile.read(dir.appendingPathComponent("big")), bytes)
        try Data().write(to: dir.appendingPathComponent("empty"))
        XCTAssertEqual(try InputFile.read(dir.appendingPathComponent("empty")), [])
    }

    func testInputFileSaysWhatAPathIs() throws {
        let dir = try scratch()
        func problem(_ path: String, maximumBytes: Int? = nil) -> InputFile.Failure.Problem? {
            do {
                _ = try InputFile.read(URL(fileURLWithPath: path), maximumBytes: maximumBytes)
                return nil
            } catch {
                return error.problem
            }
        }
        let fifo = dir.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(problem(fifo), .notRegular(.fifo), "a FIFO with no writer is refused at once, not waited on")
        XCTAssertEqual(problem("/dev/zero"), .notRegular(.characterDevice))
        XCTAssertEqual(problem(dir.path), .notRegular(.directory))
        XCTAssertEqual(problem(dir.appendingPathComponent("nothing").path), .missing)
        let loop = dir.appendingPathComponent("loop").path
        XCTAssertEqual(symlink(loop, loop), 0)
        XCTAssertEqual(problem(loop), .symlinkLoop)
        let dangling = dir.appendingPathComponent("dangling").path
        XCTAssertEqual(symlink(dir.appendingPathComponent("nothing").path, dangling), 0)
        XCTAssertEqual(problem(dangling), .danglingSymlink)
        let big = dir.appendingPathComponent("big")
        try Data(count: 1001).write(to: big)
        XCTAssertEqual(problem(big.path, maximumBytes: 1000), .tooLarge(bytes: 1001, limit: 1000))
        XCTAssertEqual(InputFile.Failure(path: fifo, problem: .notRegular(.fifo)).description, "\(fifo): a FIFO, not a regular file")
    }

    func testOutputTargetsByWhatTheyAre() throws {
        let dir = try scratch()
        XCTAssertEqual(try OutputTarget(path: "-"), .standardOutput)
        XCTAssertEqual(try OutputTarget(path: "/dev/stdout"), .standardOutput)
        XCTAssertEqual(try OutputTarget(path: "/dev/stderr"), .standardError)
        XCTAssertEqual(try OutputTarget(path: "/dev/null"), .stream("/dev/null"))
        let new = dir.appendingPathComponent("new.geojson").path
        XCTAssertEqual(try OutputTarget(path: new), .file(new))
        XCTAssertThrowsError(try OutputTarget(path: dir.path)) { error in
            XCTAssertEqual(error as? OutputFailure, .notWritable(dir.path, .directory))
        }
    }

    func testSameFileByInodeOrByPath() throws {
        let dir = try scratch()
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: a))
        XCTAssertEqual(link(a, b), 0)
        XCTAssertTrue(try OutputTarget(path: a).sameFile(as: OutputTarget(path: b)), "hard links are one file")
        let n = dir.appendingPathComponent("n").path
        XCTAssertTrue(try OutputTarget(path: n).sameFile(as: OutputTarget(path: dir.path + "/./n")), "one new path, spelled twice")
        XCTAssertFalse(try OutputTarget(path: n).sameFile(as: OutputTarget(path: a)))
        XCTAssertFalse(try OutputTarget(path: "/dev/null").sameFile(as: OutputTarget(path: "/dev/null")), "a device twice is harmless")
        XCTAssertEqual(try OutputTarget(path: b).overwrittenInput(among: [URL(fileURLWithPath: a)]), URL(fileURLWithPath: a))
    }

    /// `AtomicFile.write` onto a device writes it in place (as root a rename would have replaced the node).
    func testAtomicFileWriteLeavesADeviceADevice() throws {
        try AtomicFile.write("{}\n", to: URL(fileURLWithPath: "/dev/null"))
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        XCTAssertThrowsError(try AtomicFile.write("{}\n", to: URL(fileURLWithPath: "/dev/full"))) { error in
            XCTAssertEqual(error as? OutputFailure, .ioError("/dev/full", "No space left on device"))
        }
    }
}
