import DepositIndex
import Foundation
import Geo
import Testing

/// Issue 11's survey cases, value by value: where a mixed-dimension position is, the antimeridian,
/// ids from properties, byte-order marks, control characters, and a report whose size is bounded.
@Suite struct HardeningTests {
    static let properties = ReaderTests.properties
    static let square = ReaderTests.square

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
    }

    // MARK: - Case 11: not a polygon

    @Test func aLineIsNotAPolygonAndIsNotRepairedIntoOne() throws {
        let bytes = try [UInt8](Data(contentsOf: SurveyFixtures.corpus.appendingPathComponent("linestring-outline.geojson")))
        let report = try SurveyFixtures.validator().validate(bytes: bytes, name: "line.geojson")
        let p = try #require(report.problems.first { $0.code == .notAPolygon })
        #expect(p.severity == .error && p.location == Coordinate(x: 73.0, y: 49.5))
        #expect(p.hint.contains("Polygon or MultiPolygon") && p.hint.contains("close the line"))
        let (_, result) = SurveyRepair().repaired(bytes: bytes, name: "line.geojson")
        #expect(result.unrepaired.map(\.code) == [.notAPolygon])
    }

    // MARK: - Case 12: a missing comma

    @Test func missingCommaInWKTIsMixedDimensionsAtThePosition() throws {
        // Issue 11's own text: two positions run together inside a 2-D POLYGON. "POLYGON((74.28 51.82, "
        // is 22 bytes, so the joined position starts at column 23 of line 1.
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("wkt-missing-comma.wkt"))
        let p = try #require(report.problems.first { $0.code == .mixedDimensions })
        #expect(p.line == 1 && p.column == 23)
        #expect(p.message.contains("4 numbers") && p.message.contains("have 2"))
        #expect(p.hint.contains("comma"))
        // No geometry is made from a position that lost its vertex, so nothing else is judged of it.
        #expect(SurveyFixtures.codes(report) == ["mixed-dimensions"])
    }

    @Test func wktWithAZMarkerOrThreeNumbersEverywhereIsNotMixed() throws {
        for text in ["POLYGON Z ((73 49.5 1, 73.0333333 49.5 2, 73.0333333 49.5166667 3, 73 49.5166667 4, 73 49.5 1))",
                     "POLYGON ((73 49.5 1, 73.0333333 49.5 2, 73.0333333 49.5166667 3, 73 49.5166667 4, 73 49.5 1))"] {
            let report = try SurveyFixtures.validate(text, name: "z.wkt")
            #expect(!report.codes.contains(.mixedDimensions), "\(report.table())")
        }
        // A Z marker with a 2-number position is mixed too: the marker says 3.
        let short = try SurveyFixtures.validate("POLYGON Z ((73 49.5 1, 73.0333333 49.5, 73.0333333 49.5166667 3, 73 49.5 1))", name: "z.wkt")
        #expect(short.codes.contains(.mixedDimensions))
    }

    // MARK: - Case 14: the antimeridian

    @Test func antimeridianBoxIsOutsideLikeTheSameBoxWest() throws {
        let validator = try SurveyFixtures.validator()
        for name in ["antimeridian-box.geojson", "antimeridian-box-west.geojson"] {
            let report = validator.validate(file: SurveyFixtures.corpus.appendingPathComponent(name))
            #expect(report.codes.contains(.outsideKazakhstan), "\(name): \(report.table())")
            #expect(!report.codes.contains(.crossesBorder), "\(name): \(report.table())")
            // 0.02° of longitude by 0.01° of latitude at 50° N, on the ellipsoid whichever side of 180° the box
            // lies (not 359.98° wide): 1.594766 km² (PROJ's geod_polygonarea through ctypes, for both boxes).
            let area = try #require(report.features.first?.areaKm2)
            #expect(abs(area - 1.594766) < 1e-6, "\(name): \(area) km²")
        }
    }

    // MARK: - Case 15: area

    @Test func twoHundredThousandSquareKilometresIsAnError() throws {
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("area-200000-km2.geojson"))
        let p = try #require(report.problems.first { $0.code == .areaTooLarge })
        #expect(p.severity == .error)
        // 8° by 3° from 46° to 49° N with geodesic edges: 200,812.31 km² on WGS84 (PROJ's geod_polygonarea,
        // what pyproj's Geod.polygon_area_perimeter calls, run through ctypes).
        let area = try #require(report.features.first?.areaKm2)
        #expect(abs(area - 200_812.31) < 0.01, "\(area)")
    }

    // MARK: - Case 17: ids

    @Test func propertiesIdNamesAFeatureWithoutATopLevelId() throws {
        let properties = Self.properties.replacingOccurrences(of: "{\"name\"", with: "{\"id\":\"kz-w-950\",\"name\"")
        let text = Self.collection(["{\"type\":\"Feature\",\(properties),\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(Self.square)]}}"])
        let report = try SurveyFixtures.validate(text)
        #expect(report.features.first?.feature == "kz-w-950")
        #expect(!report.codes.contains(.missingID), "\(report.table())")
        #expect(!report.hasErrors, "\(report.table())")
    }

    @Test func topLevelIdWinsOverADifferentPropertiesId() throws {
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("conflicting-id.geojson"))
        #expect(report.features.first?.feature == "kz-w-901")
        let p = try #require(report.problems.first { $0.code == .conflictingID })
        #expect(p.severity == .warning && p.message.contains("kz-w-902"))
    }

    @Test func dataLayersTakePropertiesIdAndTopLevelWins() throws {
        // Both readers of --data layers: the fast one (type before coordinates) and the strict one it hands
        // anything else to (here a geometry whose coordinates come before its type).
        let fast = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"p-1\"},\"geometry\":null},"
            + "{\"type\":\"Feature\",\"id\":\"top\",\"properties\":{\"id\":\"p-2\"},\"geometry\":null}]}"
        #expect(try GeoJSON.features(parsing: Array(fast.utf8)).map(\.id) == ["p-1", "top"])
        let strict = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":7},\"geometry\":{\"coordinates\":[73,49],\"type\":\"Point\"}}]}"
        #expect(try GeoJSON.features(parsing: Array(strict.utf8)).map(\.id) == ["7"])
        #expect(try GeoJSON.features(in: try JSONParser.parse(strict)).map(\.id) == ["7"])
    }

    // MARK: - Case 13: byte-order mark

    @Test func byteOrderMarkIsAWarningAndTheSurveyIsRead() throws {
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("byte-order-mark.geojson"))
        #expect(SurveyFixtures.codes(report) == ["byte-order-mark"])
        #expect(report.featureCount == 1 && report.features.first?.areaKm2 != nil)
    }

    @Test func dataLayersAcceptAByteOrderMark() throws {
        let text = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[73,49]}}]}"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(try GeoJSON.features(parsing: bytes).map(\.id) == ["a"])
        #expect(try JSONParser.parse(bytes)["type"]?.stringValue == "FeatureCollection")
        // Only at the start: a mark inside a document is still a syntax error.
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x5B] + [0xEF, 0xBB, 0xBF] + [0x5D]) }
    }

    // MARK: - Case 9: control characters

    @Test func controlCharactersAreWarnedWhereTheyAre() throws {
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("control-characters.geojson"))
        let messages = report.problems.filter { $0.code == .controlCharacter }.map(\.message)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("the id holds the control character U+000A at character 6") })
        #expect(messages.contains { $0.hasPrefix("properties.name holds the control character U+001B at character 6") })
        #expect(messages.contains { $0.hasPrefix("properties.aliases[0] holds the control character U+202E at character 4") })
        // The table shows them escaped: no raw ESC or line feed reaches the terminal from the survey.
        let table = report.table()
        #expect(!table.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(table.contains("kz-w-\\u{A}901"))
    }

    // MARK: - Case 16: geometry versus schema, bounded reports

    @Test func withoutSchemaTheCatalogGapsAreCountedNotListed() throws {
        var options = SurveyValidator.Options()
        options.checkDepositProperties = false
        let features = (0..<50).map { i in
            let x = 73.0 + Double(i) * 0.05
            return "{\"type\":\"Feature\",\"properties\":{\"name\":\"field \(i)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(x),49.5],[\(x + 0.01),49.5],[\(x + 0.01),49.51],[\(x),49.51],[\(x),49.5]]]}}"
        }
        let report = try SurveyValidator(catalog: SurveyFixtures.catalog.get(), options: options)
            .validate(bytes: Array(Self.collection(features).utf8), name: "field.geojson")
        #expect(!report.hasErrors, "\(report.table())")
        #expect(report.catalogGaps == SurveyReport.CatalogGaps(featureCount: 50, properties: ["aliases", "commodities", "footprint", "id", "location_precision_m", "source", "status"]))
        #expect(report.table().contains("catalog: 50 features lack or hold wrongly aliases, commodities, footprint, id, location_precision_m, source, status"))
    }

    @Test func repeatsOfOneCodeBeyondTheFileLimitAreSummedUp() throws {
        var options = SurveyValidator.Options()
        options.maximumProblemsPerCodePerFile = 10
        options.featuresPerBatch = 7  // several batches, merged in order
        let features = (0..<30).map { i in
            let x = 73.0 + Double(i) * 0.05
            return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(x),49.5],[\(x + 0.01),49.5],[\(x + 0.01),49.51],[\(x),49.51],[\(x),49.5]]]}}"
        }
        let report = SurveyValidator(catalog: nil, options: options).validate(bytes: Array(Self.collection(features).utf8), name: "f.geojson")
        let missingID = report.problems.filter { $0.code == .missingID }
        // 30 features without an id: 10 listed, then one line standing for the other 20.
        #expect(missingID.count == 11)
        #expect(missingID.last?.unlistedCount == 20)
        #expect(missingID.prefix(10).map(\.feature) == (0..<10).map { "features[\($0)]" })
        // 30 features, each lacking id and 7 properties (name, aliases, commodities, status, footprint,
        // location_precision_m, source): 240 errors counted, whatever is listed.
        #expect(report.errorCount == 240)
        // Two codes (missing-id, missing-property), each 10 listed and one summing up the rest.
        #expect(report.problems.count == 22)
    }
}
