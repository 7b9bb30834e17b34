import Foundation
import XCTest

/// An id of spaces is no id: `add` refuses it with the schema's `missing-id` (review of issue 11).
final class BlankIDTests: XCTestCase {
    func testAddRefusesAnIDOfSpaces() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-blank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData")
        let store = dir.appendingPathComponent("catalog.gpkg").path
        XCTAssertEqual(try CLIRunner.run(["import", bundled.path, "--into", store]).status, 0)
        // A 0.01° block near Karaganda with every catalog property, but "  " for an id.
        let survey = dir.appendingPathComponent("blank.geojson")
        try #"""
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"  ","properties":{"name":"Blank","aliases":[],"commodities":["W"],"status":"exploration","footprint":"subsoil_blocks","location_precision_m":null,"source":"test"},"geometry":{"type":"Polygon","coordinates":[[[72.50,47.20],[72.51,47.20],[72.51,47.21],[72.50,47.21],[72.50,47.20]]]}}]}
        """#.write(to: survey, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["add", survey.path, "--store", store])
        XCTAssertNotEqual(r.status, 0, r.stdout)
        XCTAssertTrue(r.stderr.contains("missing-id") || r.stderr.contains("no \"id\""), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty, r.stdout)
    }
}
