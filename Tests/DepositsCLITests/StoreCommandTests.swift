@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// `deposits import`, `add`, `remove` and questions asked of a store, run as the built binary: two adds at
/// once, read-only stores, unknown ids, surveys that cannot become deposits, layers a store never had.
final class StoreCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Readable by an unprivileged user, for the read-only tests run as one.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    }

    override func tearDownWithError() throws {
        if let directory {
            _ = try? runProgram("/usr/bin/chattr", ["-R", "-i", directory.path])
            _ = try? runProgram("/bin/chmod", ["-R", "u+w", directory.path])
            try? FileManager.default.removeItem(at: directory)
        }
    }

    private var bundled: URL {
        get throws { try XCTUnwrap(Catalog.bundledDirectory, "the bundled GeoData directory is not found") }
    }

    /// A store made by `deposits import` of the bundled data (every layer).
    private func bundledStore(_ name: String = "catalog.gpkg") throws -> String {
        let path = directory.appendingPathComponent(name).path
        let r = try CLIRunner.run(["import", try bundled.path, "--into", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return path
    }

    /// A 1' x 1' block (GeoData's subsoil-block unit) with its lower-left corner at (lon, lat), with every
    /// property a catalog deposit has.
    private func block(_ id: String?, lon: Double, lat: Double, extra: JSONObject = JSONObject()) -> Feature {
        let d = 1.0 / 60
        let ring = [Coordinate(x: lon, y: lat), Coordinate(x: lon + d, y: lat), Coordinate(x: lon + d, y: lat + d),
                    Coordinate(x: lon, y: lat + d), Coordinate(x: lon, y: lat)]
        var properties: JSONObject = ["name": .string("Survey \(id ?? "block")"), "commodities": ["Cu"], "status": "exploration",
                                      "footprint": "subsoil_blocks", "source": "test survey", "aliases": [], "location_precision_m": 100]
        for (k, v) in extra.members { properties[k] = v }
        return Feature(id: id, properties: properties, geometry: .polygon([ring]))
    }

    private func write(_ features: [Feature], _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try GeoJSON.text(of: features).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func depositIDs(_ store: String) throws -> Set<String> {
        Set(try CatalogStore(path: store, access: .read).catalog().deposits.map(\.id))
    }

    /// Starts `deposits` without waiting; output to files, so that neither can block on a full pipe.
    private func start(_ arguments: [String], _ name: String) throws -> Process {
        let p = Process()
        p.executableURL = CLIRunner.executable
        p.arguments = arguments
        XCTAssertTrue(FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: nil))
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent(name))
        try p.run()
        return p
    }

    /// Waits for `p`, killing it after `seconds` (a hang fails the test rather than stalling the suite).
    private func finish(_ p: Process, within seconds: Double) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if p.isRunning {
            p.terminate()
            XCTFail("deposits \(p.arguments?.joined(separator: " ") ?? "") still running after \(seconds) s")
        }
        p.waitUntilExit()
        return p.terminationStatus
    }

    // MARK: - Case 2: two adds at once

    /// Issue 11 case 2: two processes adding the same outline under different ids at the same moment used
    /// to both pass the duplicate check and both insert (7 of 10 rounds, then 10 of 10). With the check and
    /// the insert under one write lock, each round stores exactly one; the other is refused with 65 (bad
    /// data: the survey refusal) naming the duplicate, and the store stays whole.
    func testTwoSimultaneousAddsOfOneOutlineStoreExactlyOne() throws {
        let store = try bundledStore()
        let before = try depositIDs(store)
        let started = Date()
        for round in 0..<20 {
            // A fresh block each round, 0.05° apart on the steppe south of Karaganda, km from any bundled
            // deposit and from one another, so each round's check sees only its own pair.
            let lon = 72.0 + Double(round) * 0.05, lat = 47.2
            let a = try write([block("race-\(round)-a", lon: lon, lat: lat)], "race-\(round)-a.geojson")
            let b = try write([block("race-\(round)-b", lon: lon, lat: lat)], "race-\(round)-b.geojson")
            let pa = try start(["add", a, "--store", store], "race-\(round)-a.err")
            let pb = try start(["add", b, "--store", store], "race-\(round)-b.err")
            let statuses = [finish(pa, within: 60), finish(pb, within: 60)]
            let errors = try ["a", "b"].map { try String(contentsOf: directory.appendingPathComponent("race-\(round)-\($0).err"), encoding: .utf8) }
            XCTAssertEqual(statuses.sorted(), [0, 65], "round \(round): exit statuses \(statuses)\n\(errors.joined(separator: "\n"))")
            if let refused = statuses.firstIndex(of: 65) {
                XCTAssertTrue(errors[refused].contains("duplicate-geometry"), "round \(round): \(errors[refused])")
            }
            let stored = try depositIDs(store).subtracting(before)
            XCTAssertEqual(stored.filter { $0.hasPrefix("race-\(round)-") }.count, 1, "round \(round): stored \(stored.sorted())")
        }
        XCTAssertEqual(try depositIDs(store).count, before.count + 20)
        XCTAssertEqual(try CatalogStore(path: store, access: .read).integrityCheck(), "ok")
        print("two adds at once: 20 rounds in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// A writer waits for another's write lock (up to `SQLiteConnection.busyTimeoutMs`, 10 s) rather than
    /// failing at once with SQLITE_BUSY; past that it exits 73 saying the store is busy. Readers are not
    /// held up by a writer (WAL).
    func testASecondWriterWaitsForTheLockThenGivesUpWith73() throws {
        let store = try bundledStore()
        let holder = try SQLiteConnection(path: store, mode: .readWrite)
        try holder.execute("BEGIN IMMEDIATE")
        let waited = Date()
        let remove = try start(["remove", "kz-w-001", "--store", store], "wait.err")
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertTrue(remove.isRunning, "the writer waits for the lock")
        let reader = try CLIRunner.run(["near-rail", "kz-w-001", "--store", store, "--format", "json"])
        XCTAssertEqual(reader.status, 0, reader.stderr)
        try holder.execute("COMMIT")
        XCTAssertEqual(finish(remove, within: 30), 0)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(waited), 1.5)
        XCTAssertFalse(try depositIDs(store).contains("kz-w-001"))

        try holder.execute("BEGIN IMMEDIATE")
        let givenUp = Date()
        let blocked = try start(["remove", "kz-w-002", "--store", store], "busy.err")
        XCTAssertEqual(finish(blocked, within: 60), 73)
        try holder.execute("ROLLBACK")
        let seconds = Date().timeIntervalSince(givenUp)
        XCTAssertGreaterThanOrEqual(seconds, Double(SQLiteConnection.busyTimeoutMs) / 1000 - 0.5, "gave up before the timeout")
        let stderr = try String(contentsOf: directory.appendingPathComponent("busy.err"), encoding: .utf8)
        XCTAssertTrue(stderr.contains("the store \(store) is busy: another process held its lock for more than 10 s"), stderr)
        XCTAssertTrue(try depositIDs(store).contains("kz-w-002"))
    }

    // MARK: - Case 18: exit codes and plain sentences

    /// `remove` of an unknown id is "not found" (2, as `--help` says), naming every unknown id, and
    /// removes nothing (the known id given with it stays).
    func testRemoveOfUnknownIDsExits2NamingThem() throws {
        let store = try bundledStore()
        let r = try CLIRunner.run(["remove", "kz-w-001", "no-such-1", "no-such-2", "--store", store])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("\"no-such-1\", \"no-such-2\""), r.stderr)
        XCTAssertFalse(r.stderr.contains("kz-w-001"), r.stderr)
        XCTAssertTrue(try depositIDs(store).contains("kz-w-001"))
    }

    /// SQLite reads "" as a private temporary database deleted on close, ":memory:" as an in-memory one and
    /// (built with URIs, as Debian's is) "file:..." as a URI: `import --into` any of them said "imported" with
    /// exit 0 and stored nothing anywhere. An empty path is refused (73); the others are the files they name.
    func testStorePathsSQLiteWouldReadSpeciallyAreFiles() throws {
        let empty = try CLIRunner.run(["import", try bundled.path, "--into", ""])
        XCTAssertEqual(empty.status, 73, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("an empty path names no file"), empty.stderr)
        for name in [":memory:", "file:catalog.gpkg?mode=memory"] {
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["import", try bundled.path, "--into", name]
            process.currentDirectoryURL = directory
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, name)
            let file = directory.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.fileExists(atPath: file), "\(name) must be a file in the working directory")
            // The bundled data holds 54 deposits (README: "19 measured, 35 without a location").
            XCTAssertEqual(try CatalogStore(path: file, access: .read).catalog().deposits.count, 54)
        }
    }

    /// An id given twice removes one deposit, and says one: it used to print "removed 2: kz-w-001, kz-w-001".
    func testRemoveCountsAnIDGivenTwiceOnce() throws {
        let store = try bundledStore()
        let before = try depositIDs(store)
        let r = try CLIRunner.run(["remove", "kz-w-001", "kz-w-002", "kz-w-001", "--store", store])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "removed 2: kz-w-001, kz-w-002\n")
        XCTAssertEqual(try depositIDs(store), before.subtracting(["kz-w-001", "kz-w-002"]))
    }

    /// A store that cannot be written: 73 with a plain sentence, never SQLite's "attempt to write a readonly
    /// database" and exit 1; and the same store still answers questions. As root, `chmod 444` does not stop
    /// a write, so the read-only cases run as the unprivileged user `nobody`, and root meets an immutable
    /// file (`chattr +i`) instead.
    func testReadOnlyStoreIsRefusedWith73AndStillAnswers() throws {
        let isRoot = getuid() == 0
        let asUser: [String] = isRoot ? ["/usr/sbin/runuser", "-u", "nobody", "--"] : []
        if isRoot {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: asUser[0]), "runuser is needed to run as an unprivileged user")
        }
        func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let command = asUser + [CLIRunner.executable.path] + arguments
            return try runProgram(command[0], Array(command.dropFirst()))
        }
        let plain = try bundledStore("plain.gpkg")

        // The file is read-only (mode 444, owned by root).
        let readOnlyFile = directory.appendingPathComponent("read-only.gpkg").path
        try FileManager.default.copyItem(atPath: plain, toPath: readOnlyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnlyFile)

        // The directory is read-only: the file may be written, but SQLite cannot create its -wal and -shm.
        let lockedDirectory = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: lockedDirectory, withIntermediateDirectories: false)
        let inLockedDirectory = lockedDirectory.appendingPathComponent("catalog.gpkg").path
        try FileManager.default.copyItem(atPath: plain, toPath: inLockedDirectory)
        if isRoot {
            try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: inLockedDirectory)
            try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: lockedDirectory.path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: lockedDirectory.path)

        let survey = try write([block("ro-1", lon: 72.5, lat: 47.2)], "ro.geojson")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: survey)
        for (store, why) in [(readOnlyFile, "the file is read-only"), (inLockedDirectory, "its directory \(lockedDirectory.path) is read-only")] {
            for arguments in [["remove", "kz-w-001", "--store", store], ["add", survey, "--store", store],
                              ["import", try bundled.appendingPathComponent("rail.geojson").path, "--into", store]] {
                let r = try run(arguments)
                XCTAssertEqual(r.status, 73, "\(arguments.joined(separator: " ")): \(r.err)")
                XCTAssertTrue(r.err.contains("cannot write to the store \(store): \(why)"), r.err)
                XCTAssertFalse(r.err.contains("SQLite code") || r.err.contains("attempt to write"), r.err)
            }
            // Reading still works, from the file as it is.
            let answer = try run(["near-rail", "kz-w-001", "--store", store, "--format", "json"])
            XCTAssertEqual(answer.status, 0, answer.err)
            XCTAssertTrue(answer.out.contains("rail-ne-13309"), answer.out)  // the line README's example gives
        }
        // Creating a store in the read-only directory.
        let create = try run(["import", try bundled.path, "--into", lockedDirectory.appendingPathComponent("new.gpkg").path])
        XCTAssertEqual(create.status, 73, create.err)
        XCTAssertTrue(create.err.contains("the directory \(lockedDirectory.path) is read-only"), create.err)
        XCTAssertEqual(try depositIDs(readOnlyFile), try depositIDs(plain))

        if isRoot {
            // Root writes through mode 444; an immutable file stops even root.
            let immutable = directory.appendingPathComponent("immutable.gpkg").path
            try FileManager.default.copyItem(atPath: plain, toPath: immutable)
            let chattr = try runProgram("/usr/bin/chattr", ["+i", immutable])
            XCTAssertEqual(chattr.status, 0, "chattr +i is needed to make a file root cannot write: \(chattr.err)")
            let r = try CLIRunner.run(["remove", "kz-w-001", "--store", immutable])
            XCTAssertEqual(r.status, 73, r.stderr)
            XCTAssertTrue(r.stderr.contains("cannot write to the store \(immutable): the file is read-only"), r.stderr)
            _ = try runProgram("/usr/bin/chattr", ["-i", immutable])

            // A read-only mount stops root from writing the file and creating files beside it; reading works.
            let mounted = directory.appendingPathComponent("mounted")
            try FileManager.default.createDirectory(at: mounted, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: plain, toPath: mounted.appendingPathComponent("catalog.gpkg").path)
            let inMount = mounted.appendingPathComponent("catalog.gpkg").path
            let deposits = CLIRunner.executable.path
            let script = "mount --bind '\(mounted.path)' '\(mounted.path)' && mount -o remount,bind,ro '\(mounted.path)' && "
                + "'\(deposits)' remove kz-w-001 --store '\(inMount)'; echo \"remove=$?\"; "
                + "'\(deposits)' near-rail kz-w-001 --store '\(inMount)' --format json >/dev/null; echo \"read=$?\"; "
                + "'\(deposits)' import '\(try bundled.path)' --into '\(mounted.path)/new.gpkg'; echo \"create=$?\""
            let m = try runProgram("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script])
            XCTAssertEqual(m.out.split(separator: "\n"), ["remove=73", "read=0", "create=73"], m.err)
            XCTAssertTrue(m.err.contains("cannot write to the store \(inMount): the file is read-only"), m.err)
            XCTAssertTrue(m.err.contains("cannot create the file: the directory \(mounted.path) is read-only"), m.err)
        }
    }

    /// `import --into` a directory, or into a directory that does not exist: 73, saying which.
    func testImportIntoADirectoryOrNowhereExits73() throws {
        let rail = try bundled.appendingPathComponent("rail.geojson").path
        let intoDirectory = try CLIRunner.run(["import", rail, "--into", directory.path])
        XCTAssertEqual(intoDirectory.status, 73, intoDirectory.stderr)
        XCTAssertTrue(intoDirectory.stderr.contains("it is a directory"), intoDirectory.stderr)
        let missing = directory.appendingPathComponent("no-such-directory/catalog.gpkg").path
        let nowhere = try CLIRunner.run(["import", rail, "--into", missing])
        XCTAssertEqual(nowhere.status, 73, nowhere.stderr)
        XCTAssertTrue(nowhere.stderr.contains("no such directory \(directory.appendingPathComponent("no-such-directory").path)"), nowhere.stderr)
        // Asking a directory: SQLite's "disk I/O error" (74) used to come out; it is no store (65).
        let asked = try CLIRunner.run(["near-rail", "kz-w-001", "--store", directory.path])
        XCTAssertEqual(asked.status, 65, asked.stderr)
        XCTAssertTrue(asked.stderr.contains("\(directory.path) is not a DepositIndex store: it is a directory"), asked.stderr)
    }

    /// A store path that is not a regular file: SQLite waited forever on a FIFO and called a device a
    /// "disk I/O error", and a link loop was "no such file". Each is named, 65 to read and 73 to write.
    func testStorePathThatIsNotARegularFileIsRefusedNamingWhatItIs() throws {
        let fifo = directory.appendingPathComponent("fifo.gpkg").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let loop = directory.appendingPathComponent("loop.gpkg").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let cases: [([String], Int32, String)] = [
            (["near-rail", "kz-w-001", "--store", fifo], 65, "\(fifo) is not a DepositIndex store: it is a FIFO (named pipe)"),
            (["remove", "kz-w-001", "--store", fifo], 73, "cannot write to the store \(fifo): it is a FIFO (named pipe)"),
            (["near-rail", "kz-w-001", "--store", loop], 65, "\(loop) is not a DepositIndex store: it is a loop of symbolic links"),
            (["import", try bundled.path, "--into", "/dev/null"], 73, "cannot write to the store /dev/null: it is a character device"),
        ]
        for (i, (arguments, status, message)) in cases.enumerated() {
            // Bounded: a FIFO used to block the open for good.
            let p = try start(arguments, "not-a-file-\(i).err")
            XCTAssertEqual(finish(p, within: 20), status, arguments.joined(separator: " "))
            let stderr = try String(contentsOf: directory.appendingPathComponent("not-a-file-\(i).err"), encoding: .utf8)
            XCTAssertTrue(stderr.contains(message), stderr)
        }
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a character device")
    }

    /// A disk that fills during an import: 74 (I/O error) with a plain sentence, not SQLite's words and 1.
    /// Needs root, to mount a 1 MB tmpfs in a private mount namespace; skipped, saying so, otherwise.
    func testFullDiskDuringImportExits74() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to mount a 1 MB tmpfs (unshare -m); run the suite as root to check exit 74") }
        let mountPoint = directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: false)
        let store = mountPoint.appendingPathComponent("catalog.gpkg").path
        // The bundled data takes about 4.5 MB as a store, so a 1 MB disk fills during the import.
        let script = "mount -t tmpfs -o size=1m tmpfs '\(mountPoint.path)' && exec '\(CLIRunner.executable.path)' import '\(try bundled.path)' --into '\(store)'"
        let r = try runProgram("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script])
        XCTAssertEqual(r.status, 74, r.err)
        XCTAssertTrue(r.err.contains("input/output error on the store \(store): the disk is full"), r.err)
    }

    /// A valid WKT survey (one polygon, no id, no properties) used to print "nothing to add" and exit 0.
    /// WKT carries no ids, and every deposit needs one: 65, saying so and how to give one; nothing stored.
    func testAddOfAWKTSurveyIsRefusedSayingItNeedsIDs() throws {
        let store = try bundledStore()
        let before = try depositIDs(store)
        let wkt = directory.appendingPathComponent("block.wkt")
        try "POLYGON((72.5 47.2, 72.5166667 47.2, 72.5166667 47.2166667, 72.5 47.2166667, 72.5 47.2))\n"
            .write(to: wkt, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["validate", wkt.path]).status, 0, "the WKT survey itself is valid")
        let r = try CLIRunner.run(["add", wkt.path, "--store", store])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("WKT survey"), r.stderr)
        XCTAssertTrue(r.stderr.contains("needs an id"), r.stderr)
        XCTAssertTrue(r.stderr.contains("GeoJSON with an \"id\""), r.stderr)
        XCTAssertFalse(r.stdout.contains("nothing to add"), r.stdout)
        // A GeoJSON survey whose feature has no id, and an empty one: refused too.
        let unnamed = try write([block(nil, lon: 72.5, lat: 47.2)], "unnamed.geojson")
        let u = try CLIRunner.run(["add", unnamed, "--store", store])
        XCTAssertEqual(u.status, 65, u.stderr)
        XCTAssertTrue(u.stderr.contains("id"), u.stderr)
        let empty = try write([], "empty.geojson")
        let e = try CLIRunner.run(["add", empty, "--store", store])
        XCTAssertEqual(e.status, 65, e.stderr)
        XCTAssertTrue(e.stderr.contains("holds no features"), e.stderr)
        XCTAssertEqual(try depositIDs(store), before)
        let help = try CLIRunner.run(["add", "--help"])
        XCTAssertTrue(help.stdout.contains("WKT and CSV surveys carry no ids"), help.stdout)
    }

    // MARK: - Case 7: layers a store does not hold

    /// A store imported from deposits alone used to answer `near-rail` with "no rail line within the
    /// limit", and one without regions answered `at` with "none". A question needing a layer the store
    /// never had is refused with 65 naming it; a layer imported empty is present, and answers "none".
    func testQuestionsNeedingAnAbsentLayerAreRefusedNamingIt() throws {
        let store = directory.appendingPathComponent("deposits-only.gpkg").path
        XCTAssertEqual(try CLIRunner.run(["import", try bundled.appendingPathComponent("deposits.geojson").path, "--into", store]).status, 0)
        let cases: [([String], String)] = [
            (["near-rail", "kz-w-001"], "no rail layer"),
            (["at", "48.683,73.283"], "no rail layer"),
            (["show", "kz-w-001"], "no rail layer"),
            (["region", "kz-w-001"], "no regions layer"),
            (["corridor"], "no corridors layer"),
            (["add", try write([block("absent-1", lon: 72.5, lat: 47.2)], "absent.geojson")], "no country layer"),
        ]
        for (arguments, missing) in cases {
            let r = try CLIRunner.run(arguments + ["--store", store])
            XCTAssertEqual(r.status, 65, "\(arguments.joined(separator: " ")): \(r.stdout)\(r.stderr)")
            XCTAssertTrue(r.stderr.contains("the store \(store) has \(missing)"), r.stderr)
        }
        let present = try CatalogStore(path: store, access: .read).catalog()
        XCTAssertEqual(present.presentLayers, [.deposits])
        // Importing an empty rail layer makes it present: now "no rail line" is the true answer.
        let emptyRail = directory.appendingPathComponent("rail.geojson")
        try #"{"type":"FeatureCollection","features":[]}"#.write(to: emptyRail, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["import", emptyRail.path, "--into", store]).status, 0)
        let r = try CLIRunner.run(["near-rail", "kz-w-001", "--store", store])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("no rail line within the limit"), r.stdout)
        XCTAssertEqual(try CatalogStore(path: store, access: .read).catalog().presentLayers, [.deposits, .rail])
    }

    // MARK: - Case 17: properties.id

    /// A feature without a top-level id takes `properties.id`, in `import` and `add`; when both are there
    /// the top-level id wins and a differing `properties.id` is reported (and not stored).
    func testImportAndAddReadPropertiesID() throws {
        let source = try [UInt8](Data(contentsOf: try bundled.appendingPathComponent("deposits.geojson")))
        var features = Array(try GeoJSON.features(parsing: source).prefix(3))
        // kz-w-001 with its id in properties only; kz-w-002 with a different properties.id; kz-w-003 with both the same.
        XCTAssertEqual(features.map { $0.id ?? "" }, ["kz-w-001", "kz-w-002", "kz-w-003"])
        features[0].properties["id"] = .string("kz-w-001")
        features[0].id = nil
        features[1].properties["id"] = .string("other-id")
        features[2].properties["id"] = .string("kz-w-003")
        let layers = directory.appendingPathComponent("layers")
        try FileManager.default.createDirectory(at: layers, withIntermediateDirectories: true)
        let text = GeoJSON.text(of: features)
        XCTAssertFalse(text.contains(#""id":"kz-w-001","properties""#), "kz-w-001 is written without a top-level id")
        try text.write(to: layers.appendingPathComponent("deposits.geojson"), atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("ids.gpkg").path
        let imported = try CLIRunner.run(["import", layers.appendingPathComponent("deposits.geojson").path, "--into", store])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains(#"feature "kz-w-002" also has properties.id "other-id""#), imported.stderr)
        XCTAssertEqual(try depositIDs(store), ["kz-w-001", "kz-w-002", "kz-w-003"])

        let full = try bundledStore()
        let survey = try write([block(nil, lon: 72.5, lat: 47.2, extra: ["id": "pid-1"])], "pid.geojson")
        let added = try CLIRunner.run(["add", survey, "--store", full])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.contains("added 1: pid-1"), added.stdout)
        XCTAssertTrue(try depositIDs(full).contains("pid-1"))
    }
}

/// Runs a program, returning its exit status, stdout and stderr.
private func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}
