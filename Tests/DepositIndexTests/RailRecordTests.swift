import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// Rail lines' routing properties and stations' gateway facts, read from a data directory as the schema
/// (issue 12) writes them, and the loader's refusals naming the file, the feature and the property.
final class RailRecordTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-rail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write("deposits", [])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ layer: String, _ features: [String]) throws {
        try Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
            .write(to: dir.appendingPathComponent("\(layer).geojson"))
    }

    private func line(_ id: String, _ props: String) -> String {
        "{\"type\":\"Feature\",\"id\":\"\(id)\",\"properties\":{\(props)},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,0]]}}"
    }

    func testRoutingPropertiesAreRead() throws {
        try write("rail", [
            line("new", #""name":"Мойынты – Қызылжар","name_latin":"Moiynty – Kyzylzhar","status":"under_construction","opened_or_due":"2026-12","countries":["KZ"],"gauge_mm":1520"#),
            line("old", #""status":"operational","opened_or_due":1953"#),
            line("bare", #""name":"bare""#),
        ])
        try write("stations", [
            #"{"type":"Feature","id":"dostyk","properties":{"name":"Dostyk","kind":"border_crossing","in_kazakhstan":true,"country_across":"CN","country_across_name":"China","gauge_across_mm":1435,"gateway_sources":["a","b"]},"geometry":{"type":"Point","coordinates":[82.5,45.2]}}"#,
            #"{"type":"Feature","id":"alashankou","properties":{"name":"Alashankou","kind":"border_crossing","in_kazakhstan":false},"geometry":{"type":"Point","coordinates":[82.6,45.2]}}"#,
            #"{"type":"Feature","id":"kuryk","properties":{"name":"Kuryk port","kind":"port","in_kazakhstan":true,"sea":"Caspian Sea","country_across":null,"gauge_across_mm":null},"geometry":{"type":"Point","coordinates":[51.4,43.2]}}"#,
        ])
        let catalog = try Catalog(directory: dir, layers: .all)
        let new = catalog.rail[0], old = catalog.rail[1], bare = catalog.rail[2]
        XCTAssertEqual(new.lineStatus, .underConstruction)
        XCTAssertFalse(new.isOperating)
        XCTAssertEqual(new.nameLatin, "Moiynty – Kyzylzhar")
        XCTAssertEqual(new.latinName, "Moiynty – Kyzylzhar")
        XCTAssertEqual(new.openedOrDue, "2026-12")
        XCTAssertEqual(new.countries, ["KZ"])
        XCTAssertEqual(new.gaugeMM, 1520)
        XCTAssertTrue(old.isOperating)  // "operational", the older word
        XCTAssertEqual(old.openedOrDue, "1953")
        XCTAssertNil(old.gaugeMM)       // absent: unknown, never assumed
        XCTAssertTrue(bare.isOperating) // no status: operating
        XCTAssertEqual(bare.latinName, "bare")
        XCTAssertEqual(catalog.stations[0].gateway, Gateway(kind: .borderCrossing, countryAcross: "CN", countryAcrossName: "China",
                                                            gaugeAcrossMM: 1435, sources: ["a", "b"]))
        XCTAssertNil(catalog.stations[1].gateway)  // the far side, in China
        XCTAssertEqual(catalog.stations[2].gateway, Gateway(kind: .port, sea: "Caspian Sea"))
        XCTAssertEqual(try RailNetwork.gateways(of: catalog).map(\.id), ["dostyk", "kuryk"])
    }

    func testBadRoutingPropertiesAreRefusedNamingTheFeature() throws {
        try write("rail", [
            line("a", #""status":"building""#),
            line("b", #""gauge_mm":1e300"#),
            line("c", #""gauge_mm":"1520""#),
            line("d", #""countries":"KZ""#),
            line("e", #""status":3"#),
        ])
        XCTAssertThrowsError(try Catalog(directory: dir, layers: .all)) { error in
            guard let e = error as? CatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.problems.map(\.feature), ["\"a\"", "\"b\"", "\"c\"", "\"d\"", "\"e\""])
            XCTAssertTrue(e.problems.allSatisfy { $0.file == "rail.geojson" })
            XCTAssertTrue(e.problems[0].message.contains("\"status\" must be operating"), e.problems[0].message)
            XCTAssertTrue(e.problems[1].message.contains("\"gauge_mm\" must be a whole number"), e.problems[1].message)
            XCTAssertTrue(e.problems[3].message.contains("\"countries\""), e.problems[3].message)
        }
    }
}
