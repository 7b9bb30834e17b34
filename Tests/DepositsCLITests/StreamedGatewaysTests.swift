@testable import DepositIndex
import Foundation
import XCTest

/// `gateways --all --format jsonl` and `--format geojsonseq` (issue 16), run as the built binary on the
/// bundled data and on a store imported from it: each record is, key for key and number for number, the
/// document form's entry for its deposit (whose values `BorderRuleTests` checks against routes one by one
/// and the README's worked figures), records come in the data's order, the framing of each format holds
/// byte for byte, a store gives the same bytes as the files, and a place refuses the stream formats.
final class StreamedGatewaysTests: XCTestCase {
    static let catalog = try! Catalog.bundled()
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gateways-stream-\(UUID().uuidString.prefix(8))")
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

    /// The JSON Lines records, each parsed by our own parser (exact doubles), after checking the framing:
    /// every line one JSON object, each ending in LF, no empty line.
    private func records(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        let text = try CLIRunner.succeed(["gateways", "--all", "--format", "jsonl"] + arguments, file: file, line: line)
        XCTAssertTrue(text.hasSuffix("}\n"), "the last record ends in LF", file: file, line: line)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { record in
            XCTAssertTrue(record.hasPrefix("{\"deposit_id\":"), String(record), file: file, line: line)
            return try JSONParser.parse(String(record))
        }
    }

    /// The document form's `results`, parsed by the same parser.
    private func documentResults(_ arguments: [String]) throws -> [JSONValue] {
        let document = try JSONParser.parse(CLIRunner.succeed(["gateways", "--all", "--format", "json"] + arguments))
        return try XCTUnwrap(document["results"]?.arrayValue)
    }

    /// One record per deposit in catalog order, each equal (every key, every double to its last bit) to
    /// the document form's entry for the deposit, with the network options passed through alike.
    func testJSONLinesAreTheDocumentsEntries() throws {
        let defaults = try records([])
        for options in [[String](), ["--include", "under_construction,planned"], ["--transit", "RU,UZ"], ["--tolerance-m", "5"]] {
            let streamed = try records(options)
            XCTAssertEqual(streamed.map { $0["deposit_id"]?.stringValue }, Self.catalog.deposits.map(\.id), "\(options)")
            XCTAssertEqual(streamed, try documentResults(options), "\(options)")
            // Each option changes some deposit's distances on the bundled data, so it was passed through.
            if !options.isEmpty { XCTAssertNotEqual(streamed, defaults, "\(options)") }
        }
        // The README's and `gateways(from:)`'s worked figures for Upper Kairakty, first in the file:
        // Шалдуар nearest, 35,212.27 m of access and 823,273.46 m of rail.
        let first = defaults[0]
        XCTAssertEqual(first["deposit_id"]?.stringValue, "kz-w-001")
        let nearest = try XCTUnwrap(first["gateways"]?.arrayValue?.first)
        XCTAssertEqual(nearest["id"]?.stringValue, "osm-3729466654")
        XCTAssertEqual(try XCTUnwrap(nearest["access_m"]?.doubleValue), 35_212.27, accuracy: 0.005)
        XCTAssertEqual(try XCTUnwrap(nearest["rail_m"]?.doubleValue), 823_273.46, accuracy: 0.005)
        XCTAssertEqual(try XCTUnwrap(nearest["total_m"]?.doubleValue), 858_485.73, accuracy: 0.005)
        // A deposit without a published location is a record too, saying why, with no distances.
        let unlocated = try XCTUnwrap(Self.catalog.deposits.first { $0.geometry == nil })
        let record = try XCTUnwrap(defaults.first { $0["deposit_id"]?.stringValue == unlocated.id })
        XCTAssertEqual(record["unreachable"]?.stringValue, "the deposit has no published location")
        XCTAssertTrue(record["gateways"]?.arrayValue?.allSatisfy { $0["total_m"] == nil } ?? false)
    }

    /// RFC 8142 byte for byte: every record is RS (0x1E), one JSON text holding no RS or LF, and LF; the
    /// records are the features `--format geojson` gives, in its order: each located deposit with its
    /// nearest gateway, then the gateways as points.
    func testGeoJSONTextSequenceIsTheDocumentsFeatures() throws {
        let result = try CLIRunner.run(["gateways", "--all", "--format", "geojsonseq"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = Array(result.stdout.utf8)
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
        let gateways = Self.catalog.stations.filter { $0.gateway != nil }
        XCTAssertEqual(features.map(\.id), located.map(\.id) + gateways.map(\.id))
        XCTAssertEqual(features.first?.properties["nearest_gateway_id"], .string("osm-3729466654"))
        let document = try GeoJSON.features(parsing: Array(CLIRunner.succeed(["gateways", "--all", "--format", "geojson"]).utf8))
        XCTAssertEqual(features.map { GeoJSON.text(of: $0) }, document.map { GeoJSON.text(of: $0) })
    }

    /// GDAL's GeoJSONSeq driver reads the sequence: one layer, a feature per located deposit and per gateway.
    func testGDALReadsTheSequence() throws {
        guard let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            let message = "ogrinfo is not installed (apt-get install gdal-bin); GDAL's reading of GeoJSONSeq was not checked"
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" { return XCTFail("CI: " + message) }
            throw XCTSkip(message)
        }
        let path = directory.appendingPathComponent("gateways.geojsons").path
        XCTAssertEqual(try CLIRunner.run(["gateways", "--all", "--format", "geojsonseq", "-o", path]).status, 0)
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
        let count = Self.catalog.deposits.filter { $0.geometry != nil }.count + Self.catalog.stations.filter { $0.gateway != nil }.count
        XCTAssertTrue(text.contains("Feature Count: \(count)"), text)
        XCTAssertTrue(text.contains("gateway_total_m: Real"), text)
    }

    /// From a GeoPackage store the records are the same bytes as from the GeoJSON it was imported from
    /// (fid order is import order, which is file order), in both formats and with the network options.
    func testAStoreStreamsTheSameBytes() throws {
        let store = try bundledStore()
        for extra in [["--format", "jsonl"], ["--format", "geojsonseq"], ["--format", "jsonl", "--include", "under_construction", "--transit", "RU"],
                      ["--format", "geojsonseq", "--precision", "3"]] {
            let fromFiles = try CLIRunner.succeed(["gateways", "--all"] + extra)
            let fromStore = try CLIRunner.succeed(["gateways", "--all", "--store", store] + extra)
            XCTAssertEqual(fromStore, fromFiles, "\(extra)")
        }
        // -o writes the file; never over the store itself (73), which stays whole.
        let out = directory.appendingPathComponent("gateways.jsonl").path
        XCTAssertEqual(try CLIRunner.run(["gateways", "--all", "--format", "jsonl", "--store", store, "-o", out]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), try CLIRunner.succeed(["gateways", "--all", "--format", "jsonl"]))
        let over = try CLIRunner.run(["gateways", "--all", "--format", "jsonl", "--store", store, "-o", store])
        XCTAssertEqual(over.status, 73, over.stderr)
        XCTAssertEqual(try CatalogStore(path: store, access: .read).integrityCheck(), "ok")
    }

    /// One place is one document: the stream formats are refused (64, usage) writing nothing, as near-rail
    /// refuses them; options out of range are refused alike in the streamed form; data without stations
    /// is refused naming the layer (65).
    func testRefusals() throws {
        for arguments in [["gateways", "kz-w-001", "--format", "jsonl"], ["gateways", "Upper Kairakty", "--format", "geojsonseq"],
                          ["gateways", "--all", "--format", "jsonl", "--transit", "RUS"],
                          ["gateways", "--all", "--format", "geojsonseq", "--tolerance-m", "-1"]] {
            let r = try CLIRunner.run(arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(arguments)")
        }
        let place = try CLIRunner.run(["gateways", "kz-w-001", "--format", "jsonl"])
        XCTAssertTrue(place.stderr.contains("--format jsonl is for every deposit's gateways (--all)"), place.stderr)
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        let partial = directory.appendingPathComponent("no-stations")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        for layer in ["deposits", "rail", "country"] {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("\(layer).geojson"), to: partial.appendingPathComponent("\(layer).geojson"))
        }
        let r = try CLIRunner.run(["gateways", "--all", "--format", "jsonl", "--data", partial.path])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("no stations layer"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        // A stream that fails part-way (`/dev/full`) exits 74 saying where.
        let full = try CLIRunner.run(["gateways", "--all", "--format", "geojsonseq", "-o", "/dev/full"])
        XCTAssertEqual(full.status, 74, full.stderr)
        XCTAssertTrue(full.stderr.contains("/dev/full"), full.stderr)
    }
}
