import DepositAnswers
@testable import DepositIndex
import Foundation
import XCTest

/// `region --all` (issue 16), run as the built binary on the bundled data and on a store imported from
/// it: every record is `region DEPOSIT --format json` for its deposit (the same keys and numbers), records
/// come in the data's order, RFC 8142's framing holds, a store and a data directory give the same bytes.
final class RegionForEveryDepositTests: XCTestCase {
    static let catalog = try! Catalog.bundled()
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("region-all-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// One line per located deposit (19 of the 54, GeoData/README.md), in catalog order, each equal (parsed
    /// by our own correctly rounding parser, so to the last digit) to the single answer's JSON.
    func testJSONLinesAreTheSingleRegionAnswers() throws {
        let text = try CLIRunner.succeed(["region", "--all", "--format", "jsonl"])
        XCTAssertTrue(text.hasSuffix("\n"), "the last record ends in LF")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let located = Self.catalog.deposits.filter { $0.geometry != nil }
        XCTAssertEqual(lines.count, 19)
        for (line, deposit) in zip(lines, located) {
            XCTAssertFalse(line.contains("\n"))
            let record = try JSONParser.parse(String(line))
            XCTAssertEqual(record["query"]?["deposit_id"]?.stringValue, deposit.id)
            XCTAssertEqual(record, try JSONParser.parse(CLIRunner.succeed(["region", deposit.id, "--format", "json"])), deposit.id)
        }
        // Upper Kairakty lies wholly in Karagandy (the README's example), first in the file.
        XCTAssertEqual(String(lines[0]), #"{"outside_share":0,"query":{"deposit_id":"kz-w-001"},"regions":[{"id":"KZ-KAR","name":"Karagandy","on_boundary":false,"share":1}]}"#)
        // The document form lists the same objects under "results", in the same order.
        let document = try JSONParser.parse(CLIRunner.succeed(["region", "--all", "--format", "json"]))
        XCTAssertEqual(document["query"], .object(["all_deposits": true]))
        XCTAssertEqual(document["results"]?.arrayValue, try lines.map { try JSONParser.parse(String($0)) })
    }

    /// A GeoPackage imported from the bundled data streams the same bytes as the data directory, in both
    /// formats; `-o` writes them to a file.
    func testAStoreAndADataDirectoryGiveTheSameBytes() throws {
        let store = directory.appendingPathComponent("catalog.gpkg").path
        let data = try XCTUnwrap(Catalog.bundledDirectory, "the bundled GeoData directory is not found")
        XCTAssertEqual(try CLIRunner.run(["import", data.path, "--into", store]).status, 0)
        for format in ["jsonl", "geojsonseq"] {
            let fromFiles = try CLIRunner.succeed(["region", "--all", "--format", format, "--data", data.path])
            XCTAssertFalse(fromFiles.isEmpty)
            XCTAssertEqual(try CLIRunner.succeed(["region", "--all", "--format", format, "--store", store]), fromFiles, format)
            let out = directory.appendingPathComponent("regions.\(format)").path
            XCTAssertEqual(try CLIRunner.run(["region", "--all", "--format", format, "--store", store, "-o", out]).status, 0)
            XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), fromFiles, format)
        }
    }

    /// RFC 8142 byte for byte: RS, one feature holding no RS or LF, LF; one feature per located deposit in
    /// catalog order, carrying the JSON Lines record's shares (rounded to 6 places) and the largest's region.
    func testGeoJSONTextSequenceFraming() throws {
        let bytes = Array(try CLIRunner.succeed(["region", "--all", "--format", "geojsonseq"]).utf8)
        var bodies = [[UInt8]]()
        var i = 0
        while i < bytes.count {
            XCTAssertEqual(bytes[i], 0x1E, "a record starts with RS at byte \(i)")
            guard let end = bytes[(i + 1)...].firstIndex(of: 0x0A) else { return XCTFail("a record without LF at byte \(i)") }
            let body = Array(bytes[(i + 1)..<end])
            XCTAssertFalse(body.contains(0x1E), "RS inside a record at byte \(i)")
            bodies.append(body)
            i = end + 1
        }
        let features = try bodies.map { try GeoJSON.feature(JSONParser.parse($0), path: "record") }
        let located = Self.catalog.deposits.filter { $0.geometry != nil }
        XCTAssertEqual(features.map(\.id), located.map(\.id))
        let records = try CLIRunner.succeed(["region", "--all", "--format", "jsonl"]).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        for (f, r) in zip(features, records) {
            let regions = try XCTUnwrap(r["regions"]?.arrayValue)
            XCTAssertEqual(f.properties["region_id"], regions.first?["id"] ?? .null, f.id ?? "")
            XCTAssertEqual(f.properties["regions"]?.arrayValue?.map { $0["id"] }, regions.map { $0["id"] }, f.id ?? "")
            for (a, b) in zip(f.properties["regions"]?.arrayValue ?? [], regions) {
                XCTAssertEqual(a["share"]?.doubleValue ?? -1, b["share"]?.doubleValue ?? -2, accuracy: 5e-7, f.id ?? "")
            }
        }
    }

    /// The library's stream (`RegionForEveryDepositQuestion.stream`, its doc example) writes the CLI's
    /// bytes, in chunks smaller than the data so that several are joined.
    func testTheLibraryStreamIsTheCommandsOutput() throws {
        var text = [UInt8]()
        try RegionForEveryDepositQuestion().stream(from: Catalog.bundled(), format: .jsonLines, chunkSize: 7) { text += $0 }
        XCTAssertEqual(String(decoding: text, as: UTF8.self), try CLIRunner.succeed(["region", "--all", "--format", "jsonl"]))
        XCTAssertEqual(text.filter { $0 == 0x0A }.count, 19)
    }

    /// `--all` with a subject, or a stream format for one subject, is a usage error (64).
    func testUsage() throws {
        for arguments in [["region", "--all", "kz-w-001"], ["region", "kz-w-001", "--format", "jsonl"], ["region"]] {
            let r = try CLIRunner.run(arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
    }
}
