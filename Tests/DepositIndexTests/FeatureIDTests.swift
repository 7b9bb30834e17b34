@testable import DepositIndex
import Foundation
import XCTest

/// A feature's id is its top-level `id`, else `properties.id` (issue 11 case 17), the same in the strict
/// and the fast GeoJSON readers, and so in data directories, imports and surveys.
final class FeatureIDTests: XCTestCase {
    private func features(_ members: String) throws -> [Feature] {
        let text = #"{"type":"FeatureCollection","features":["# + members + "]}"
        let bytes = Array(text.utf8)
        let strict = try GeoJSON.features(in: try JSONParser.parse(bytes))
        // The fast reader reads these documents itself, and must agree.
        XCTAssertEqual(try XCTUnwrap(GeoJSONFastReader.features(bytes), text), strict, text)
        XCTAssertEqual(try GeoJSON.features(parsing: bytes), strict, text)
        return strict
    }

    func testPropertiesIDStandsInForAMissingTopLevelID() throws {
        let f = try features("""
            {"type":"Feature","properties":{"id":"kz-w-900","name":"a"},"geometry":null},
            {"type":"Feature","id":null,"properties":{"id":901},"geometry":null},
            {"type":"Feature","properties":{"id":{"not":"an id"}},"geometry":null},
            {"type":"Feature","properties":null,"geometry":null}
            """)
        // Numbers become their decimal text, as top-level numeric ids do; an object is no id.
        XCTAssertEqual(f.map(\.id), ["kz-w-900", "901", nil, nil])
        XCTAssertEqual(f.map(\.conflictingPropertiesID), [nil, nil, nil, nil])
    }

    func testTopLevelIDWinsAndADifferingPropertiesIDIsTold() throws {
        let f = try features("""
            {"type":"Feature","id":"kz-w-001","properties":{"id":"kz-w-001"},"geometry":null},
            {"type":"Feature","id":"kz-w-002","properties":{"id":"other"},"geometry":null},
            {"type":"Feature","id":7,"properties":{"id":7.0},"geometry":null},
            {"type":"Feature","id":"kz-w-004","properties":{"id":{"not":"an id"}},"geometry":null}
            """)
        XCTAssertEqual(f.map(\.id), ["kz-w-001", "kz-w-002", "7", "kz-w-004"])
        XCTAssertEqual(f.map(\.conflictingPropertiesID), [nil, "other", nil, #"{"not":"an id"}"#])
    }

    /// A `--data` directory whose features carry their ids in properties loads with those ids.
    func testDataDirectoryReadsPropertiesID() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feature-id-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"kz-w-900","name":"A"},"geometry":{"type":"Point","coordinates":[73.25,48.7]}}]}"#
            .write(to: dir.appendingPathComponent("deposits.geojson"), atomically: true, encoding: .utf8)
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"rail-1"},"geometry":{"type":"LineString","coordinates":[[73,48],[74,48]]}}]}"#
            .write(to: dir.appendingPathComponent("rail.geojson"), atomically: true, encoding: .utf8)
        let catalog = try Catalog(directory: dir)
        XCTAssertEqual(catalog.deposits.map(\.id), ["kz-w-900"])
        XCTAssertEqual(catalog.rail.map(\.id), ["rail-1"])
    }
}
