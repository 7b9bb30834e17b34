import Foundation
import Geo
import XCTest
@testable import DepositIndex

final class CatalogTests: XCTestCase {
    private let rail = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"r1","properties":{"name":"R"},"geometry":{"type":"LineString","coordinates":[[73.5,48.0],[74.0,48.0]]}}]}"#

    func testEveryProblemIsReportedWithFileAndFeature() throws {
        let deposits = #"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"d1","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[73,48],[73.1,48],[73.1,48.1],[73,48]]]}},
        {"type":"Feature","id":"d1","properties":{"name":"B"},"geometry":null},
        {"type":"Feature","properties":{"name":"C"},"geometry":null},
        {"type":"Feature","id":"d4","properties":{"name":"D"},"geometry":{"type":"Point","coordinates":[200,48]}},
        {"type":"Feature","id":"d5","properties":{"name":"E"},"geometry":{"type":"Polygon","coordinates":[[[73,48],[73.1,48],[73.1,48.1],[73,48.1]]]}}
        ]}
        """#
        let corridors = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"c1","properties":{},"geometry":{"type":"LineString","coordinates":[[73,48],[74,48]]}}]}"#
        let dir = try temporaryDataDirectory(["deposits.geojson": deposits, "rail.geojson": rail, "corridors.geojson": corridors], self)
        XCTAssertThrowsError(try Catalog(directory: dir)) { error in
            let problems = (error as! CatalogError).problems.map(\.description)
            XCTAssertEqual(problems, [
                "deposits.geojson: feature \"d1\": id already used in deposits.geojson",
                "deposits.geojson: feature features[2]: has no string \"id\"",
                "deposits.geojson: feature \"d4\": coordinate (200.0 48.0) is not a longitude in [-180, 180] and latitude in [-90, 90]",
                "deposits.geojson: feature \"d5\": polygon 0 ring 0 is not closed (first position (73.0 48.0) differs from last (73.0 48.1))",
                "corridors.geojson: feature \"c1\": needs \"width_km\", a positive number of kilometres up to 20000",
            ])
        }
    }

    func testMissingRequiredLayerAndSyntaxErrors() throws {
        let dir = try temporaryDataDirectory(["rail.geojson": "{\"type\": \"FeatureCollection\", \"features\": [}"], self)
        XCTAssertThrowsError(try Catalog(directory: dir)) { error in
            let problems = (error as! CatalogError).problems
            XCTAssertEqual(problems.map(\.file), ["deposits.geojson", "rail.geojson"])
            XCTAssertTrue(problems[1].message.contains("line 1"), problems[1].message)
        }
    }

    func testLookupIgnoresCaseDiacriticsAndScript() throws {
        let deposits = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"kz-w-001","properties":{"name":"Verkhnee Kairaktinskoye","aliases":["Upper Kairakty","Верхнее Кайракты","Жоғарғы Қайрақты"]},"geometry":{"type":"Point","coordinates":[73.9,48.0]}}]}"#
        let cat = try Catalog(directory: try temporaryDataDirectory(["deposits.geojson": deposits, "rail.geojson": rail], self))
        for spelling in ["kz-w-001", "upper kairakty", "UPPER KAYRAKTY", "верхнее кайракты", "Жоғарғы Қайрақты", "жогаргы кайракты",
                         "Verkhnee Kairaktinskoe", "Verkhnée Kaïraktinskoye", "kairakty"] {
            XCTAssertEqual(cat.deposits(matching: spelling).map(\.id), ["kz-w-001"], spelling)
        }
        XCTAssertEqual(cat.deposits(matching: "Katpar").count, 0)
        // A deposit without geometry can be looked up but not measured.
        XCTAssertThrowsError(try cat.nearestRail(to: .deposit("nope"))) { XCTAssertEqual($0 as? QueryError, .unknownDeposit("nope")) }
    }

    /// Hand-derived: a point on the shared border of two regions (the meridian 73°E between two boxes)
    /// lies in both, flagged on the boundary, half each; a point 1 km inside one lies only there.
    func testPointOnARegionBorder() throws {
        func box(_ id: String, _ x0: Double, _ x1: Double) -> String {
            #"{"type":"Feature","id":"\#(id)","properties":{"name":"\#(id)"},"geometry":{"type":"Polygon","coordinates":[[[\#(x0),47],[\#(x1),47],[\#(x1),49],[\#(x0),49],[\#(x0),47]]]}}"#
        }
        let regions = #"{"type":"FeatureCollection","features":["# + box("W", 72, 73) + "," + box("E", 73, 74) + "]}"
        let deposits = #"{"type":"FeatureCollection","features":[]}"#
        let cat = try Catalog(directory: try temporaryDataDirectory(["deposits.geojson": deposits, "rail.geojson": rail, "regions.geojson": regions], self))
        let onBorder = try cat.regions(containing: Coordinate(longitude: 73, latitude: 48))
        XCTAssertEqual(onBorder.map(\.id), ["W", "E"])
        XCTAssertEqual(onBorder.map(\.onBoundary), [true, true])
        XCTAssertEqual(onBorder.map(\.share), [0.5, 0.5])
        // 1 km east of the border (geod_direct, azimuth 90): only E, not on its boundary.
        let east = Geodesic.wgs84.direct(from: Coordinate(longitude: 73, latitude: 48), azimuth: 90, distance: 1_000).point
        XCTAssertEqual(try cat.regions(containing: east).map(\.id), ["E"])
        XCTAssertEqual(try cat.regions(containing: east).map(\.onBoundary), [false])
    }
}

/// The catalog knows which layers its source holds, and refuses questions needing another (issue 11, case 7).
final class PresentLayerTests: XCTestCase {
    func testAbsentLayerFilesAreNotPresentAndQuestionsNeedingThemThrow() throws {
        // Two deposits and one line, hand-placed; no regions, corridors, stations or country file.
        let dir = try temporaryDataDirectory([
            "deposits.geojson": #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"d1","properties":{"name":"D1"},"geometry":{"type":"Point","coordinates":[73.0,48.0]}}]}"#,
            "rail.geojson": #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"r1","properties":{"name":"R1"},"geometry":{"type":"LineString","coordinates":[[73.1,47.9],[73.1,48.1]]}}]}"#,
            "regions.geojson": #"{"type":"FeatureCollection","features":[]}"#,
        ], self)
        let catalog = try Catalog(directory: dir)
        XCTAssertEqual(catalog.presentLayers, [.deposits, .rail, .regions])
        XCTAssertThrowsError(try catalog.corridors(containing: Coordinate(longitude: 73, latitude: 48))) { error in
            XCTAssertEqual(error as? QueryError, .missingLayer("corridors", source: dir.path))
        }
        XCTAssertThrowsError(try catalog.nearestStations(to: .deposit("d1"))) { error in
            XCTAssertEqual(error as? QueryError, .missingLayer("stations", source: dir.path))
        }
        // An empty regions file is a present, empty layer: the point is in no region.
        XCTAssertEqual(try catalog.regions(containing: Coordinate(longitude: 73, latitude: 48)), [])
        // Nearest rail still answers (no station column without stations).
        XCTAssertEqual(try catalog.nearestRail(to: .deposit("d1")).first?.railId, "r1")
        // In-memory catalogs hold every layer they were given, the country only when given.
        XCTAssertEqual(Catalog(deposits: [], rail: []).presentLayers, Catalog.Layers.all.subtracting(.country))
    }
}
