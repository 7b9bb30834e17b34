import DepositIndex
import Foundation
import XCTest

/// `-o` onto what is not a regular file (issue 11, case 1): devices and FIFOs are written in place, never
/// replaced by a regular file (which the atomic rename did, as root); `-` is standard output; a directory
/// is refused with 73. These run as root here and in CI, where replacing /dev/null was possible.
final class OutputTargetTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The file type bits of what `path` names, not following a final symbolic link.
    private func kind(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0, "\(path) should exist")
        return info.st_mode & S_IFMT
    }

    /// What `deposits export --layer regions` writes to standard output: the bytes every target must get.
    private func regionsOnStdout() throws -> String {
        let text = try CLIRunner.succeed(["export", "--layer", "regions"])
        XCTAssertTrue(text.hasPrefix("{\"type\":\"FeatureCollection\""), String(text.prefix(80)))
        return text
    }

    func testDevNullIsWrittenNotReplaced() throws {
        let r = try CLIRunner.run(["export", "-o", "/dev/null"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(kind("/dev/null"), S_IFCHR, "/dev/null must stay a character device")
        XCTAssertEqual(r.stdout, "")
    }

    func testDevFullIsAnIOError() throws {
        let r = try CLIRunner.run(["export", "-o", "/dev/full"])
        XCTAssertEqual(r.reason, .exit, "killed by signal \(r.status)")
        XCTAssertEqual(r.status, 74, r.stderr)
        XCTAssertEqual(r.stderr, "deposits: error writing /dev/full: No space left on device\n")
        XCTAssertEqual(kind("/dev/full"), S_IFCHR)
    }

    func testSymlinkToDevNullStaysASymlink() throws {
        let link = scratch.appendingPathComponent("sink").path
        XCTAssertEqual(symlink("/dev/null", link), 0)
        let r = try CLIRunner.run(["export", "-o", link])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(kind(link), S_IFLNK)
        XCTAssertEqual(kind("/dev/null"), S_IFCHR)
    }

    func testAFIFODeliversTheBytesToItsReader() throws {
        let fifo = scratch.appendingPathComponent("answer.fifo").path
        let received = scratch.appendingPathComponent("received").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader in the background, as `cat fifo > file &` in a shell; the runner's stderr pipe stays open
        // until cat ends, so the file is complete when the run returns.
        let r = try CLIRunner.run(["export", "--layer", "regions", "-o", fifo], shellPrefix: "cat '\(fifo)' > '\(received)' &")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(kind(fifo), S_IFIFO, "the FIFO must stay a FIFO")
        XCTAssertEqual(try String(contentsOfFile: received, encoding: .utf8), try regionsOnStdout())
    }

    func testDashAndDevStdoutAreStandardOutput() throws {
        let expected = try regionsOnStdout()
        for target in ["-", "/dev/stdout"] {
            let r = try CLIRunner.run(["export", "--layer", "regions", "-o", target])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, expected, "-o \(target)")
        }
        XCTAssertEqual(kind("/dev/stdout"), S_IFLNK)
    }

    /// `-o /dev/stderr` with stderr sent to a file (`2>>log`): the answer is appended through the shell's
    /// descriptor, and the file the shell opened is not replaced (a rename would cut it off from descriptor 2).
    func testDevStderrIsWrittenThroughItsDescriptor() throws {
        let log = scratch.appendingPathComponent("log").path
        try Data("before\n".utf8).write(to: URL(fileURLWithPath: log))
        var before = stat()
        XCTAssertEqual(stat(log, &before), 0)
        let r = try CLIRunner.run(["export", "--layer", "regions", "-o", "/dev/stderr"], shellPrefix: "exec 2>>'\(log)';")
        XCTAssertEqual(r.status, 0)
        var after = stat()
        XCTAssertEqual(stat(log, &after), 0)
        XCTAssertEqual(after.st_ino, before.st_ino, "the log is the same file")
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "before\n" + (try regionsOnStdout()))
    }

    func testADirectoryIsRefusedWith73() throws {
        let r = try CLIRunner.run(["export", "-o", scratch.path])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertEqual(r.stderr, "deposits: cannot write \(scratch.path): it is a directory; give a file, a FIFO, a character device, or - for standard output\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "nothing left behind")
    }

    func testASymlinkLoopIsRefusedWith73() throws {
        let a = scratch.appendingPathComponent("a").path, b = scratch.appendingPathComponent("b").path
        XCTAssertEqual(symlink(b, a), 0)
        XCTAssertEqual(symlink(a, b), 0)
        let r = try CLIRunner.run(["export", "-o", a])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("symbolic link loop"), r.stderr)
    }

    /// "Never over an input" by device and inode: a hard link and a symbolic link to a layer are inputs too.
    func testLinksToAnInputAreRefused() throws {
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        for layer in ["deposits", "rail"] {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("\(layer).geojson"), to: data.appendingPathComponent("\(layer).geojson"))
        }
        let rail = data.appendingPathComponent("rail.geojson").path
        let before = try Data(contentsOf: URL(fileURLWithPath: rail))
        let hard = scratch.appendingPathComponent("hard.geojson").path, soft = scratch.appendingPathComponent("soft.geojson").path
        XCTAssertEqual(link(rail, hard), 0)
        XCTAssertEqual(symlink(rail, soft), 0)
        for target in [hard, soft] {
            let r = try CLIRunner.run(["export", "--layer", "rail", "--data", data.path, "-o", target])
            XCTAssertEqual(r.status, 73, r.stderr)
            XCTAssertTrue(r.stderr.contains("refusing to write over the input file \(target)"), r.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: rail)), before)
    }

    /// A dangling symbolic link is written through, as the shell's `>` does: its target is created and the
    /// link stays a link. Foundation's `resolvingSymlinksInPath` leaves a dangling link unresolved, so the
    /// rename used to replace the link itself with a regular file.
    func testADanglingSymlinkCreatesItsTargetAndStays() throws {
        let link = scratch.appendingPathComponent("latest.geojson").path
        let target = scratch.appendingPathComponent("2026-12-06.geojson").path
        XCTAssertEqual(symlink("2026-12-06.geojson", link), 0)  // relative, as `ln -s` is usually used
        let r = try CLIRunner.run(["export", "--layer", "regions", "-o", link])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(kind(link), S_IFLNK, "the link must stay a link")
        XCTAssertEqual(kind(target), S_IFREG)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), try regionsOnStdout())
        // A link into a directory that does not exist is refused (73), as `>` refuses it; the link stays.
        let nowhere = scratch.appendingPathComponent("nowhere").path
        XCTAssertEqual(symlink("missing-directory/x.geojson", nowhere), 0)
        let refused = try CLIRunner.run(["export", "-o", nowhere])
        XCTAssertEqual(refused.status, 73, refused.stderr)
        XCTAssertEqual(kind(nowhere), S_IFLNK)
    }

    /// A regular file replaced keeps its permission bits: a private file (0600) used to come back 0644
    /// (the temporary file's 0666 less the umask), readable by everyone.
    func testAReplacedFileKeepsItsPermissions() throws {
        let path = scratch.appendingPathComponent("private.geojson").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0o600), 0)
        let r = try CLIRunner.run(["export", "--layer", "regions", "-o", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), try regionsOnStdout())
    }
}
