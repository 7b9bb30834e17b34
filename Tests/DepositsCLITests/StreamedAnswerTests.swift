@testable import DepositIndex
import Foundation
import XCTest

/// `near-rail --all --format jsonl` and `--format geojsonseq` (issue 16), run as the built binary on the
/// bundled data and on a store imported from it: each record is the engine's single answer for its
/// deposit (the engine's values are checked against GeographicLib, PostGIS and Shapely in
/// DepositIndexTests), records come in the data's order, RFC 8142's framing holds byte for byte, and
/// GDAL's GeoJSONSeq driver reads the sequence.
final class StreamedAnswerTests: XCTestCase {
    static let catalog = try! Catalog.bundled()
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func bundledStore() throws -> String {
        let path = directory.appendingPathComponent("catalog.gpkg").path
        let data = try XCTUnwrap(Catalog.bundledDirectory, "the bundled GeoData directory is not found")
        let r = try CLIRunner.run(["import", data.path, "--into", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return path
    }

    /// The lines of JSON Lines output, each parsed.
    private func jsonLines(_ arguments: [String]) throws -> [[String: Any]] {
        let text = try CLIRunner.succeed(arguments + ["--format", "jsonl"])
        XCTAssertTrue(text.hasSuffix("\n"), "the last record ends in LF")
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
    }

    /// One record per deposit in catalog order, each the engine's single answer (`nearestRail(to:)`) to
    /// its last digit, and the same object the document form lists under `results`.
    func testJSONLinesAreTheSingleAnswersInCatalogOrder() throws {
        let records = try jsonLines(["near-rail", "--all", "-k", "2"])
        var exactDistances = [String: [Double]]()
        for line in try CLIRunner.succeed(["near-rail", "--all", "-k", "2", "--format", "jsonl"]).split(separator: "\n") {
            let record = try JSONParser.parse(String(line))
            exactDistances[record["deposit_id"]?.stringValue ?? ""] = record["rail"]?.arrayValue?.compactMap { $0["distance_m"]?.doubleValue }
        }
        XCTAssertEqual(records.map { $0["deposit_id"] as? String }, Self.catalog.deposits.map(\.id))
        for (record, deposit) in zip(records, Self.catalog.deposits) {
            let rail = try XCTUnwrap(record["rail"] as? [[String: Any]])
            guard deposit.geometry != nil else {
                XCTAssertTrue(rail.isEmpty, deposit.id)
                continue
            }
            let engine = try Self.catalog.nearestRail(to: .deposit(deposit.id), k: 2)
            XCTAssertEqual(rail.map { $0["rail_id"] as? String }, engine.map(\.railId), deposit.id)
            // Read again with our own parser, which rounds correctly (Foundation's JSONSerialization can be
            // an ulp off): the very double the engine gave, written in its shortest round-trip form.
            for (r, e) in zip(rail, engine) {
                XCTAssertEqual((r["station"] as? [String: Any])?["id"] as? String, e.station?.id, deposit.id)
            }
            XCTAssertEqual(exactDistances[deposit.id], engine.map(\.distanceM), deposit.id)
        }
        // The document form holds the same objects, nearest first.
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(CLIRunner.succeed(["near-rail", "--all", "-k", "2", "--format", "json"]).utf8)) as? [String: Any])
        let results = try XCTUnwrap(document["results"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0["deposit_id"] as! String, $0 as NSDictionary) })
        XCTAssertEqual(results.count, records.count)
        for r in results { XCTAssertEqual(byID[r["deposit_id"] as! String], r as NSDictionary) }
        // Upper Kairakty at the distance the README quotes (35.2 km), first in the file.
        XCTAssertEqual(((records[0]["rail"] as? [[String: Any]])?.first?["distance_m"] as? Double) ?? 0, 35_212, accuracy: 1)
    }

    /// From a store the records are the same bytes as from the GeoJSON it was imported from (fid order
    /// is import order, which is file order), with -k and --max-km passed through; `-o` writes a file.
    func testAStoreStreamsTheSameRecords() throws {
        let store = try bundledStore()
        for extra in [[String](), ["-k", "3"], ["--max-km", "30"]] {
            let fromFiles = try CLIRunner.succeed(["near-rail", "--all", "--format", "jsonl"] + extra)
            let fromStore = try CLIRunner.succeed(["near-rail", "--all", "--format", "jsonl", "--store", store] + extra)
            XCTAssertEqual(fromStore, fromFiles, "\(extra)")
        }
        // --max-km 30 leaves Upper Kairakty (35.2 km) with an empty list.
        let limited = try jsonLines(["near-rail", "--all", "--max-km", "30"])
        XCTAssertEqual((limited[0]["rail"] as? [Any])?.count, 0)
        let out = directory.appendingPathComponent("answers.jsonl").path
        XCTAssertEqual(try CLIRunner.run(["near-rail", "--all", "--format", "jsonl", "--store", store, "-o", out]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), try CLIRunner.succeed(["near-rail", "--all", "--format", "jsonl"]))
        // Never over the store itself (73, cannot write), which stays whole.
        let over = try CLIRunner.run(["near-rail", "--all", "--format", "jsonl", "--store", store, "-o", store])
        XCTAssertEqual(over.status, 73, over.stderr)
        XCTAssertEqual(try CatalogStore(path: store, access: .read).integrityCheck(), "ok")
    }

    /// RFC 8142 byte for byte: every record is RS (0x1E), one JSON text holding no RS or LF, and LF; the
    /// records are the features `--format geojson` gives, in the data's order.
    func testGeoJSONTextSequenceFraming() throws {
        let result = try CLIRunner.run(["near-rail", "--all", "--format", "geojsonseq"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = Array(result.stdout.utf8)
        XCTAssertEqual(bytes.first, 0x1E)
        XCTAssertEqual(bytes.last, 0x0A)
        var records = [[UInt8]]()
        var i = 0
        while i < bytes.count {
            XCTAssertEqual(bytes[i], 0x1E, "a record starts with RS at byte \(i)")
            guard let end = bytes[(i + 1)...].firstIndex(of: 0x0A) else { return XCTFail("a record without LF at byte \(i)") }
            let body = Array(bytes[(i + 1)..<end])
            XCTAssertFalse(body.contains(0x1E), "RS inside a record at byte \(i)")
            XCTAssertEqual(body.first, UInt8(ascii: "{"))
            XCTAssertEqual(body.last, UInt8(ascii: "}"))
            records.append(body)
            i = end + 1
        }
        let features = try records.map { try GeoJSON.feature(JSONParser.parse($0), path: "record") }
        let located = Self.catalog.deposits.filter { $0.geometry != nil }
        // One deposit and one distance line per located deposit (k = 1), deposit first, in catalog order.
        XCTAssertEqual(features.count, 2 * located.count)
        XCTAssertEqual(stride(from: 0, to: features.count, by: 2).map { features[$0].id }, located.map(\.id))
        XCTAssertEqual(stride(from: 1, to: features.count, by: 2).map { features[$0].id }, located.map { "distance-\($0.id)-1" })
        // The same features as the document form's, as a set.
        let document = try GeoJSON.features(parsing: Array(CLIRunner.succeed(["near-rail", "--all", "--format", "geojson"]).utf8))
        XCTAssertEqual(Set(features.map { GeoJSON.text(of: $0) }), Set(document.map { GeoJSON.text(of: $0) }))
    }

    /// GDAL's GeoJSONSeq driver reads the sequence: one layer, a feature per record, the distances kept.
    func testGDALReadsTheSequence() throws {
        guard let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let message = "ogrinfo is not installed (apt-get install gdal-bin); GDAL's reading of GeoJSONSeq was not checked"
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" { return XCTFail("CI: " + message) }
            throw XCTSkip(message)
        }
        let path = directory.appendingPathComponent("near-rail.geojsons").path
        XCTAssertEqual(try CLIRunner.run(["near-rail", "--all", "--format", "geojsonseq", "-o", path]).status, 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ogrinfo)
        p.arguments = ["-ro", "-al", "-so", path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("using driver `GeoJSONSeq' successful"), text)
        let located = Self.catalog.deposits.filter { $0.geometry != nil }.count
        XCTAssertTrue(text.contains("Feature Count: \(2 * located)"), text)
        XCTAssertTrue(text.contains("rail_distance_m: Real"), text)
    }

    /// A one-document answer refuses the newline-delimited formats (64, usage), writing nothing.
    func testOneDocumentAnswersRefuseTheStreamFormats() throws {
        for arguments in [["near-rail", "kz-w-001", "--format", "jsonl"], ["list", "--format", "geojsonseq"],
                          ["corridor", "Trans-Caspian", "--format", "jsonl"]] {
            let r = try CLIRunner.run(arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--format \(arguments[arguments.count - 1])"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    /// A stream that fails part-way (`/dev/full`) exits 74 saying where; a regular file that could not be
    /// finished is not left half-written over the old one.
    func testAFailedStreamSaysWhere() throws {
        let full = try CLIRunner.run(["near-rail", "--all", "--format", "jsonl", "-o", "/dev/full"])
        XCTAssertEqual(full.status, 74, full.stderr)
        XCTAssertTrue(full.stderr.contains("/dev/full"), full.stderr)
        let path = directory.appendingPathComponent("old.jsonl").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        // A file-size limit of 1 KB stops the write part-way (SIGXFSZ ignored, so write(2) fails with EFBIG).
        let limited = try CLIRunner.run(["near-rail", "--all", "--format", "jsonl", "-o", path], shellPrefix: "ulimit -f 1; trap '' XFSZ;")
        XCTAssertNotEqual(limited.status, 0)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["old.jsonl"], "no temporary file left")
    }

    /// A huge `-k` (any line count will do, so every line within `--max-km`) streams the same records as a
    /// `-k` of all the lines: the records' buffers are sized from what is found, not from `-k` (it once
    /// overflowed `240 * k` and trapped).
    func testAHugeKStreamsAsAllTheLines() throws {
        let huge = try CLIRunner.succeed(["near-rail", "--all", "-k", "40000000000000000", "--max-km", "30", "--format", "jsonl"])
        let all = try CLIRunner.succeed(["near-rail", "--all", "-k", "100000", "--max-km", "30", "--format", "jsonl"])
        XCTAssertEqual(huge, all)
        XCTAssertEqual(huge.split(separator: "\n").count, 54, "one record per bundled deposit")
        XCTAssertEqual(try CLIRunner.succeed(["near-rail", "--all", "-k", "40000000000000000", "--max-km", "30", "--format", "geojsonseq"]),
                       try CLIRunner.succeed(["near-rail", "--all", "-k", "100000", "--max-km", "30", "--format", "geojsonseq"]))
    }
}
