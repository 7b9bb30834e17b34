import DepositIndex
import Foundation
import XCTest

/// Issue 11, case 9: control characters in names (from the data or the arguments) are printed escaped
/// in tables and errors, never raw; JSON keeps the names exactly (its encoder escapes controls).
final class TerminalOutputTests: XCTestCase {
    private var scratch: URL!
    /// A red-text escape sequence, a newline and a right-to-left override in one deposit name.
    private let hostileName = "Evil\u{1B}[31m\nRed\u{202E}Name"
    private let shown = #"Evil\u{1B}[31m\nRed\u{202E}Name"#

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        for layer in ["rail", "stations", "corridors", "regions", "country"] {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("\(layer).geojson"), to: scratch.appendingPathComponent("\(layer).geojson"))
        }
        // Upper Kairakty's block (GeoData/deposits.geojson, kz-w-001) under the hostile name; JSONSerialization
        // writes the controls as JSON escapes, as any tool would.
        let feature: [String: Any] = [
            "type": "Feature", "id": "kz-evil-1",
            "properties": ["name": hostileName, "aliases": ["Alias\u{1B}]0;title\u{7}"], "commodities": ["W"], "status": "development",
                           "footprint": "subsoil_blocks", "location_precision_m": 1000, "source": "test\u{9B}31m"],
            "geometry": ["type": "Polygon", "coordinates": [[[73.25, 48.6833333], [73.2666667, 48.6833333], [73.2666667, 48.7], [73.25, 48.7], [73.25, 48.6833333]]]],
        ]
        // A second deposit sharing the alias "Twin" with the first, so a lookup of "Twin" lists both.
        var twin = feature
        twin["id"] = "kz-evil-2"
        twin["properties"] = ["name": "Twin\u{1B}[2J", "aliases": ["Twin"], "commodities": ["W"]]
        var first = feature
        first["properties"] = (feature["properties"] as! [String: Any]).merging(["aliases": ["Alias\u{1B}]0;title\u{7}", "Twin"]]) { $1 }
        let collection: [String: Any] = ["type": "FeatureCollection", "features": [first, twin]]
        try JSONSerialization.data(withJSONObject: collection).write(to: scratch.appendingPathComponent("deposits.geojson"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func assertNoRawControls(_ text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { $0 != "\n" && TerminalText.needsEscape($0) }
        XCTAssertTrue(raw.isEmpty, "\(context) prints \(raw.map { String($0.value, radix: 16) }) raw: \(text.debugDescription)", file: file, line: line)
    }

    func testListAndShowEscapeNamesFromTheData() throws {
        let list = try CLIRunner.succeed(["list", "--data", scratch.path])
        assertNoRawControls(list, "list")
        let row = try XCTUnwrap(list.split(separator: "\n").first { $0.contains("kz-evil-1") }, list)
        XCTAssertTrue(row.contains(shown), String(row))

        let show = try CLIRunner.succeed(["show", "kz-evil-1", "--data", scratch.path])
        assertNoRawControls(show, "show")
        XCTAssertTrue(show.contains("name  " + shown) || show.contains(shown), show)
        XCTAssertTrue(show.contains(#"Alias\u{1B}]0;title\u{7}"#), show)
        XCTAssertTrue(show.contains(#"test\u{9B}31m"#), show)
        // Every record line stays one line: the name's newline did not split its row.
        XCTAssertFalse(show.split(separator: "\n").contains { $0.hasPrefix("Red") }, show)

        for command in [["near-rail", "kz-evil-1"], ["region", "kz-evil-1"]] {
            let out = try CLIRunner.succeed(command + ["--data", scratch.path])
            assertNoRawControls(out, command[0])
            XCTAssertTrue(out.contains(shown), out)
        }
    }

    /// JSON is not escaped for the terminal: the name decodes back exactly, the controls written as JSON escapes.
    func testJSONKeepsTheNameExactly() throws {
        let out = try CLIRunner.succeed(["show", "kz-evil-1", "--data", scratch.path, "--format", "json"])
        XCTAssertFalse(out.contains(#"\u{1B}"#), out)
        XCTAssertFalse(out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, out)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual((json["deposit"] as? [String: Any])?["name"] as? String, hostileName)

        let geojson = try CLIRunner.succeed(["export", "--data", scratch.path])
        XCTAssertFalse(geojson.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, geojson)
        let features = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(geojson.utf8)) as? [String: Any])?["features"] as? [[String: Any]])
        XCTAssertEqual((features.first?["properties"] as? [String: Any])?["name"] as? String, hostileName)
    }

    /// Errors quote what was typed escaped, on one line; the suggestions from the data are escaped too.
    func testErrorsQuoteArgumentsEscaped() throws {
        let typed = try CLIRunner.run(["near-rail", "Kairakty\u{1B}[2J\nfake line", "--data", scratch.path])
        XCTAssertEqual(typed.status, 2, typed.stderr)
        assertNoRawControls(typed.stderr, "not-found error")
        XCTAssertTrue(typed.stderr.hasPrefix(#"deposits: no deposit named 'Kairakty\u{1B}[2J\nfake line'"#), typed.stderr)
        XCTAssertEqual(typed.stderr.filter { $0 == "\n" }.count, 1, "one line: \(typed.stderr)")

        let suggested = try CLIRunner.run(["show", "Evil Red Name", "--data", scratch.path])
        XCTAssertEqual(suggested.status, 2, suggested.stderr)
        assertNoRawControls(suggested.stderr, "suggestions")
        XCTAssertTrue(suggested.stderr.contains("did you mean: \(shown) (kz-evil-1)?"), suggested.stderr)
        XCTAssertEqual(suggested.stderr.filter { $0 == "\n" }.count, 1, "one line: \(suggested.stderr)")

        // An ambiguous name lists its candidates, one per line under the message, each escaped.
        let ambiguous = try CLIRunner.run(["near-rail", "Twin", "--data", scratch.path])
        XCTAssertEqual(ambiguous.status, 64, ambiguous.stderr)
        assertNoRawControls(ambiguous.stderr, "candidates")
        XCTAssertEqual(ambiguous.stderr.split(separator: "\n"), ["deposits: 'Twin' matches 2 deposits; name one of them:",
                                                                 "  kz-evil-1  \(shown)", #"  kz-evil-2  Twin\u{1B}[2J"#])

        let coordinates = try CLIRunner.run(["at", "48.6\u{1B}[31m,73"])
        XCTAssertEqual(coordinates.status, 64, coordinates.stderr)
        XCTAssertTrue(coordinates.stderr.contains(#"'48.6\u{1B}[31m,73'"#), coordinates.stderr)

        let id = try CLIRunner.run(["remove", "kz\u{1B}[31m", "--store", scratch.appendingPathComponent("none.gpkg").path])
        assertNoRawControls(id.stderr, "remove")

        // The argument parser's own refusals quote arguments too.
        let option = try CLIRunner.run(["show", "kz-evil-1", "--bogus\u{1B}[31m"])
        XCTAssertEqual(option.status, 64, option.stderr)
        assertNoRawControls(option.stderr, "parser error")
        XCTAssertTrue(option.stderr.contains(#"--bogus\u{1B}[31m"#), option.stderr)
    }

    /// The notes of `import` and `add` quote a feature's properties.id from the input: they were printed
    /// raw, so an id could recolour the terminal or split the note into two lines.
    func testImportAndAddNotesEscapeIdsFromTheInput() throws {
        let hostileID = "x\u{1B}[31mRED\u{7}\nfake line"
        let store = scratch.appendingPathComponent("catalog.gpkg").path
        // Upper Kairakty's block moved 0.5° east (clear of every bundled deposit), carrying the catalog's properties.
        let deposit: [String: Any] = [
            "type": "Feature", "id": "kz-note-1",
            "properties": ["id": hostileID, "name": "Note", "aliases": ["Note"], "commodities": ["W"], "status": "development",
                           "footprint": "subsoil_blocks", "location_precision_m": 1000, "source": "test"],
            "geometry": ["type": "Polygon", "coordinates": [[[73.75, 48.6833333], [73.7666667, 48.6833333], [73.7666667, 48.7], [73.75, 48.7], [73.75, 48.6833333]]]],
        ]
        let layer = scratch.appendingPathComponent("input").appendingPathComponent("deposits.geojson")
        try FileManager.default.createDirectory(at: layer.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": [deposit]]).write(to: layer)
        let imported = try CLIRunner.run(["import", layer.path, "--into", store])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let note = #"deposits: note: deposits.geojson: feature "kz-note-1" also has properties.id "x\u{1B}[31mRED\u{7}\nfake line"; the top-level id is its id, and properties.id is not stored"#
        XCTAssertTrue(imported.stderr.split(separator: "\n").contains { $0 == note }, imported.stderr.debugDescription)
        assertNoRawControls(imported.stderr, "import's note")

        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        let country = scratch.appendingPathComponent("country-only").appendingPathComponent("country.geojson")
        try FileManager.default.createDirectory(at: country.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bundled.appendingPathComponent("country.geojson"), to: country)
        XCTAssertEqual(try CLIRunner.run(["import", country.path, "--into", store]).status, 0)
        var moved = deposit
        moved["id"] = "kz-note-2"
        moved["geometry"] = ["type": "Polygon", "coordinates": [[[74.25, 48.6833333], [74.2666667, 48.6833333], [74.2666667, 48.7], [74.25, 48.7], [74.25, 48.6833333]]]]
        let survey = scratch.appendingPathComponent("survey.geojson")
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": [moved]]).write(to: survey)
        let added = try CLIRunner.run(["add", survey.path, "--store", store])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(added.stdout, "added 1: kz-note-2\n")
        XCTAssertTrue(added.stderr.contains(#"also has properties.id "x\u{1B}[31mRED\u{7}\nfake line""#), added.stderr.debugDescription)
        assertNoRawControls(added.stderr, "add's note")
        XCTAssertFalse(added.stderr.contains("\nfake line"), "the note is one line")
    }
}
