import DepositIndex
import Foundation
import XCTest

/// `--format html`: one self-contained page holding the answer the GeoJSON export gives, over the
/// catalog's base layers, asking nothing of the network. (Drawn and read in a browser by Tools/browser-test.)
final class HTMLOutputTests: XCTestCase {
    private func dataElement(_ id: String, in page: String) throws -> JSONValue {
        let open = "<script type=\"application/json\" id=\"\(id)\">"
        let start = try XCTUnwrap(page.range(of: open)).upperBound
        let end = try XCTUnwrap(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return try JSONParser.parse(Array(page[start..<end].utf8))
    }

    func testNearRailPageHoldsTheGeoJSONAnswerAndNoURL() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.css") || ProcessInfo.processInfo.environment["CI"] == "true",
                          "libjs-leaflet is not installed (Tools/install-system-packages installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("answer.html").path
        _ = try CLIRunner.succeed(["near-rail", "Upper Kairakty", "--format", "html", "-o", file])
        let page = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        // Self-contained: no script, style sheet, image or tile fetched from anywhere.
        // (Leaflet's own code holds a link to its site in a string, for an attribution prefix the page turns off.)
        XCTAssertNil(page.range(of: #"<(script|img|iframe)[^>]* src="#, options: .regularExpression))
        XCTAssertEqual(page.components(separatedBy: "<link ").count, 2)
        XCTAssertTrue(page.contains(#"<link rel="icon" href="data:,">"#))

        // The answer is the GeoJSON export's, feature for feature (a map label added to the station and line).
        let geojson = try JSONParser.parse(Array(try CLIRunner.succeed(["near-rail", "Upper Kairakty", "--format", "geojson"]).utf8))
        let inPage = try dataElement("dm-answer", in: page)
        let exported = try XCTUnwrap(geojson.objectValue?["features"]?.arrayValue)
        let drawn = try XCTUnwrap(inPage.objectValue?["features"]?.arrayValue)
        XCTAssertEqual(drawn.count, exported.count)
        for (a, b) in zip(exported, drawn) {
            XCTAssertEqual(a.objectValue?["geometry"], b.objectValue?["geometry"])
            var p = try XCTUnwrap(b.objectValue?["properties"]?.objectValue)
            p["label"] = nil
            XCTAssertEqual(a.objectValue?["properties"]?.objectValue, p)
        }
        // 35.2 km: README's near-rail example; Zharyk: the station's Latin name, as the table prints it.
        let distance = try XCTUnwrap(drawn.first { $0.objectValue?["properties"]?.objectValue?["kind"]?.stringValue == "distance" })
        XCTAssertEqual(distance.objectValue?["properties"]?.objectValue?["distance_m"]?.doubleValue ?? 0, 35212.3, accuracy: 0.05)
        XCTAssertTrue(page.contains("Сәкен Сейфуллин (Zharyk)"))

        // The base: the country, 20 regions, the rail lines by status.
        let base = try XCTUnwrap(try dataElement("dm-base", in: page).objectValue?["features"]?.arrayValue)
        let kinds = base.compactMap { $0.objectValue?["properties"]?.objectValue?["kind"]?.stringValue }
        XCTAssertEqual(kinds.filter { $0 == "base_country" }.count, 1)
        XCTAssertEqual(kinds.filter { $0 == "base_region" }.count, 20)
        XCTAssertGreaterThan(kinds.filter { $0 == "base_rail" }.count, 0)
    }

    /// `-o` as everywhere: a device is written in place.
    func testPageToADevice() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.css") || ProcessInfo.processInfo.environment["CI"] == "true",
                          "libjs-leaflet is not installed (Tools/install-system-packages installs it)")
        _ = try CLIRunner.succeed(["at", "48.683,73.283", "--format", "html", "-o", "/dev/null"])
    }
}
