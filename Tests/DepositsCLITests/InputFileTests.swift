import DepositIndex
import Foundation
import XCTest

/// Inputs that are not regular files (issue 11, cases 8 and 18): a FIFO must not hang a command, a symlink
/// loop is not "missing", `/dev/zero` is not "You don't have permission". Each is refused with what it is
/// (65); an `import --into` that cannot be created is 73. Each run is under `timeout -s KILL 60` (coreutils),
/// so a hang fails the test (status 137) instead of stalling the suite.
final class InputFileTests: XCTestCase {
    private var scratch: URL!
    /// The runner appends `exec deposits ARGS`; the inner shell drops that `exec` and runs the rest.
    private let watchdog = "exec timeout -s KILL 60 sh -c 'shift; exec \"$@\"' sh"

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func refuses(_ arguments: [String], status: Int32, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try CLIRunner.run(arguments, shellPrefix: watchdog)
        XCTAssertEqual(r.reason, .exit, "killed by signal \(r.status) (a hang?)", file: file, line: line)
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, message, file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
    }

    /// A data directory with the bundled layers, `replaced` made by `make` instead of copied.
    private func dataDirectory(replacing replaced: String, with make: (String) -> Int32) throws -> URL {
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        for layer in ["deposits", "rail", "stations", "corridors", "regions", "country"] where layer != replaced {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("\(layer).geojson"), to: data.appendingPathComponent("\(layer).geojson"))
        }
        XCTAssertEqual(make(data.appendingPathComponent("\(replaced).geojson").path), 0)
        return data
    }

    func testALayerThatIsAFIFOIsRefusedNotWaitedOn() throws {
        let data = try dataDirectory(replacing: "regions") { mkfifo($0, 0o600) }
        try refuses(["at", "48.683,73.283", "--data", data.path], status: 65,
                    "deposits: cannot load the data in \(data.path): 1 problem\n  regions.geojson: a FIFO, not a regular file\n")
    }

    func testALayerThatIsASymlinkLoopIsNotMissing() throws {
        let data = try dataDirectory(replacing: "deposits") { symlink($0, $0) }
        try refuses(["list", "--data", data.path], status: 65,
                    "deposits: cannot load the data in \(data.path): 1 problem\n  deposits.geojson: a symbolic link loop (the links lead back to themselves)\n")
    }

    func testALayerThatIsADirectoryIsRefused() throws {
        let data = try dataDirectory(replacing: "corridors") { mkdir($0, 0o700) }
        try refuses(["corridor", "--data", data.path], status: 65,
                    "deposits: cannot load the data in \(data.path): 1 problem\n  corridors.geojson: a directory, not a regular file\n")
    }

    func testValidateRefusesAFIFODevZeroAndADirectory() throws {
        let fifo = scratch.appendingPathComponent("survey.geojson").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try refuses(["validate", fifo], status: 65, "deposits: \(fifo): a FIFO, not a regular file\n")
        try refuses(["validate", "/dev/zero"], status: 65, "deposits: /dev/zero: a character device, not a regular file\n")
        try refuses(["validate", scratch.path], status: 65, "deposits: \(scratch.path): a directory, not a regular file\n")
    }

    func testAStoreThatIsNotARegularFileIsRefused() throws {
        let fifo = scratch.appendingPathComponent("catalog.gpkg").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try refuses(["list", "--store", fifo], status: 65, "deposits: \(fifo) is not a DepositIndex store: it is a FIFO (named pipe), not a store file\n")
        try refuses(["list", "--store", "/dev/zero"], status: 65, "deposits: /dev/zero is not a DepositIndex store: it is a character device, not a store file\n")
        // To write (remove edits the store), a path that is no file cannot be written: 73.
        try refuses(["remove", "kz-w-001", "--store", scratch.path], status: 73, "deposits: cannot write to the store \(scratch.path): it is a directory, not a file\n")
    }

    func testAddAndImportRefuseAFIFO() throws {
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        let store = scratch.appendingPathComponent("catalog.gpkg").path
        _ = try CLIRunner.succeed(["import", bundled.path, "--into", store])
        let fifo = scratch.appendingPathComponent("deposits.geojson").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // add reads surveys through the validator: the FIFO is an unreadable-file error in the refused report.
        let add = try CLIRunner.run(["add", fifo, "--store", store])
        XCTAssertEqual(add.status, 65, add.stderr)
        XCTAssertTrue(add.stderr.contains("a FIFO, not a survey file"), add.stderr)
        // The import names the user's file, not the staging directory it links inputs into.
        try refuses(["import", fifo, "--into", store], status: 65, "deposits: \(fifo): a FIFO, not a regular file (give one data directory, or GeoJSON files)\n")
    }

    func testImportIntoADirectoryOrAMissingDirectoryIs73() throws {
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        try refuses(["import", bundled.path, "--into", scratch.path], status: 73,
                    "deposits: cannot write to the store \(scratch.path): it is a directory, not a file\n")
        let missing = scratch.appendingPathComponent("no-such-dir/catalog.gpkg").path
        try refuses(["import", bundled.path, "--into", missing], status: 73,
                    "deposits: cannot write to the store \(missing): no such directory \(scratch.appendingPathComponent("no-such-dir").path)\n")
        // "-" is standard output elsewhere; a store cannot go there (and no file named "-" is made).
        try refuses(["import", bundled.path, "--into", "-"], status: 73, "deposits: cannot write to the store -: a store is a file; it cannot go to standard output\n")
    }

    func testARefusedImportCreatesNoStore() throws {
        // A deposits layer with a syntax error: refused (65), and the new store's file is never made.
        let broken = scratch.appendingPathComponent("deposits.geojson")
        try #"{"type":"FeatureCollection","features":[,]}"#.write(to: broken, atomically: true, encoding: .utf8)
        let store = scratch.appendingPathComponent("new.gpkg").path
        let r = try CLIRunner.run(["import", broken.path, "--into", store])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store), "a refused import left \(store) behind")
    }
}
