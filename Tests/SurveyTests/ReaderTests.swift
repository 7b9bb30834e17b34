import DepositIndex
import Foundation
import Geo
import Testing

/// Readers: where syntax errors are, which line each feature starts on, and CRS handling.
@Suite struct ReaderTests {
    static let properties = #""properties":{"name":"Block","aliases":[],"commodities":["W"],"status":"exploration","footprint":"subsoil_blocks","location_precision_m":1000,"source":"test"}"#
    static let square = "[[73.0,49.5],[73.0333333,49.5],[73.0333333,49.5166667],[73.0,49.5166667],[73.0,49.5]]"

    @Test func syntaxErrorIsLocatedByLineAndColumnInTheWholeFile() throws {
        // The second feature (line 3) lacks the comma after its id: the parser stops at the quote of
        // "properties", which is byte 33 of the line ({"type":"Feature","id":"kz-w-2" and a space are 32 bytes).
        let text = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"kz-w-1",\(Self.properties),"geometry":{"type":"Polygon","coordinates":[\(Self.square)]}},
        {"type":"Feature","id":"kz-w-2" \(Self.properties),"geometry":{"type":"Polygon","coordinates":[\(Self.square)]}}
        ]}
        """
        let report = try SurveyFixtures.validate(text)
        let syntax = try #require(report.problems.first { $0.code == .syntax })
        #expect(syntax.line == 3)
        #expect(syntax.column == 33)
        #expect(syntax.feature == "features[1]")
        // The first feature is still read and checked: it gets its region note.
        #expect(report.problems.contains { $0.code == .inRegion && $0.feature == "kz-w-1" && $0.line == 2 })
    }

    @Test func nanInJSONIsANonFiniteCoordinateAtItsColumn() throws {
        // 73 bytes precede NaN on line 2 ({"type":"Feature","id":"a","geometry":{"type":"Polygon","coordinates":[[[), so it is column 74.
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"id\":\"a\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[NaN,49.5]]]}}\n]}"
        let report = try SurveyFixtures.validate(text)
        let p = try #require(report.problems.first)
        #expect(p.code == .nonFiniteCoordinate)
        #expect(p.line == 2 && p.column == 74)
    }

    @Test func wktReadsSeveralGeometriesWithTheirLinesAndDropsZ() throws {
        let text = "POLYGON Z ((73 49.5 1, 73.0333333 49.5 2, 73.0333333 49.5166667 3, 73 49.5166667 4, 73 49.5 1))\n\nPOLYGON((73.1 49.5, 73.1 49.6))\n"
        let report = try SurveyFixtures.validate(text, name: "two.wkt")
        #expect(report.featureCount == 2)
        let first = try #require(report.features.first)
        // pyproj 3.7.2 Geod(ellps="WGS84") area of the two-block square: 4,475,001.47 m².
        #expect(abs(try #require(first.areaKm2) - 4.47500147) < 1e-6)
        let broken = report.problems.filter { $0.feature == "geometry 2" && $0.severity == .error }
        #expect(broken.map(\.code).contains(.ringNotClosed))
        #expect(broken.allSatisfy { $0.line == 3 })
    }

    @Test func ewktSRIDIsTheStatedCRS() throws {
        // The corners of the 3 x 3 example blocks in UTM 43N (pyproj 3.7.2, EPSG:4326 -> EPSG:32643).
        let text = "SRID=32643;POLYGON((369924.0528 5391907.8090, 373605.3060 5391823.7580, 373730.4245 5397381.4039, 370052.8175 5397465.4361, 369924.0528 5391907.8090))"
        let report = try SurveyFixtures.validate(text, name: "utm.wkt")
        // Transformed, it covers Upper Kairakty's catalog block whole: pyproj Geod gives 2,274,199.86 m².
        #expect(SurveyFixtures.codes(report) == ["overlaps-deposit"], "\(report.table())")
        let overlap = try #require(report.problems.first { $0.code == .overlapsDeposit }?.overlapKm2)
        #expect(abs(overlap - 2.27419986) < 1e-4)
        // Back in WGS84 the outline is the example's 20,467,715.4 m² (pyproj Geod) to within a few m².
        #expect(abs(try #require(report.features.first?.areaKm2) - 20.4677154) < 1e-5)
    }

    @Test func csvWithGaussKrugerCRSLineIsTransformed() throws {
        // The same corners in Pulkovo 1942 / Gauss-Kruger zone 13 (pyproj 3.7.2, EPSG:4326 -> EPSG:28413, x first).
        let text = """
        # crs: EPSG:28413
        feature,ring,easting,northing
        P-7,0,13369923.6395,5394115.9879
        P-7,0,13373606.3445,5394031.8897
        P-7,0,13373731.5337,5399591.7276
        P-7,0,13370052.4761,5399675.8069
        P-7,0,13369923.6395,5394115.9879
        """
        let report = try SurveyFixtures.validate(text, name: "gk.csv")
        #expect(SurveyFixtures.codes(report) == ["overlaps-deposit"], "\(report.table())")
        let summary = try #require(report.features.first)
        #expect(summary.feature == "P-7")
        // pyproj went WGS84 -> Pulkovo 1942 with the same PROJ datum shift this reverses, so the corners
        // come back to within millimetres and the area is the example's 20,467,715.4 m².
        #expect(abs(try #require(summary.areaKm2) - 20.4677154) < 1e-5)
        #expect(summary.regions == ["KZ-KAR"])
    }

    @Test func crsOptionTransformsGeoJSONInMetres() throws {
        let text = """
        {"type":"Feature","id":"kz-w-901",\(Self.properties),"geometry":{"type":"Polygon","coordinates":[[[369924.0528,5391907.8090],[373605.3060,5391823.7580],[373730.4245,5397381.4039],[370052.8175,5397465.4361],[369924.0528,5391907.8090]]]}}
        """
        let plain = try SurveyFixtures.validate(text)
        #expect(SurveyFixtures.codes(plain) == ["projected-coordinates"])
        let hint = try #require(plain.problems.first { $0.code == .projectedCoordinates })
        #expect(hint.message.contains("EPSG:32638–32646"))
        let transformed = try SurveyFixtures.validate(text, crs: "EPSG:32643")
        #expect(SurveyFixtures.codes(transformed) == ["overlaps-deposit"], "\(transformed.table())")
        #expect(abs(try #require(transformed.features.first?.areaKm2) - 20.4677154) < 1e-5)
    }

    @Test func gaussKrugerMetresWithoutCRSNameTheZone() throws {
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("wkt-gauss-kruger.wkt"))
        let p = try #require(report.problems.first { $0.code == .projectedCoordinates })
        // Eastings of 13,37x,xxx m carry zone 13: Pulkovo 1942 / Gauss-Kruger zone 13 is EPSG:28413.
        #expect(p.message.contains("EPSG:28413"))
    }

    @Test func hugeFilesAreRefusedNotRead() throws {
        var options = SurveyValidator.Options()
        options.maximumFileBytes = 1000
        let validator = SurveyValidator(catalog: nil, options: options)
        let report = validator.validate(bytes: Array(repeating: UInt8(ascii: " "), count: 2000) + Array("{}".utf8), name: "big.geojson")
        #expect(report.problems.map(\.code) == [.unreadableFile])
    }

    @Test func multiMegabyteBrokenFileGivesOneLocatedError() throws {
        // 4 MB of one feature repeated, the last one cut off: one syntax error at the very end.
        let feature = "{\"type\":\"Feature\",\"id\":\"x\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(Self.square)]}}"
        let count = 4_000_000 / feature.utf8.count
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + Array(repeating: feature, count: count).joined(separator: ",\n") + ",\n{\"type\":"
        let report = SurveyValidator(catalog: nil).validate(bytes: Array(text.utf8), name: "cut.geojson")
        #expect(report.problems.map(\.code) == [.syntax])
        #expect(report.problems.first?.line == count + 2)
    }
}
