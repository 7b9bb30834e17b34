@testable import DepositIndex
import Foundation
import XCTest

/// `addSurvey` still enforces the catalog's schema now that `deposits validate` judges geometry alone
/// by default, and refuses a box across the antimeridian, which it stored before (issue 11, cases 14 and 16).
final class SurveyIntakeSchemaTests: XCTestCase {
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SurveyTests/Corpus")

    private func store(_ dir: URL) throws -> CatalogStore {
        let store = try CatalogStore(path: dir.appendingPathComponent("catalog.gpkg").path, access: .create)
        try store.importData(from: [try bundledData()])
        return store
    }

    func testAFieldSurveyWithoutCatalogPropertiesIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try store(dir)
        let before = try store.count(.deposits)
        // A field survey: properties id and name only, a valid 1' block in the steppe south of Karaganda.
        let survey = dir.appendingPathComponent("field.geojson")
        let d = 1.0 / 60
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"field-1","name":"Field polygon 1"},"geometry":{"type":"Polygon","coordinates":[[[72.5,47.2],[\(72.5 + d),47.2],[\(72.5 + d),\(47.2 + d)],[72.5,\(47.2 + d)],[72.5,47.2]]]}}
        ]}
        """.write(to: survey, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try store.addSurvey(files: [survey])) { error in
            guard let refusal = error as? SurveyRefusal else { return XCTFail("\(error)") }
            XCTAssertEqual(Set(refusal.blocking.map(\.code)), [.missingProperty], refusal.report.table())
            // properties.id names the feature (no missing-id).
            XCTAssertEqual(refusal.report.features.map(\.feature), ["field-1"])
        }
        XCTAssertEqual(try store.count(.deposits), before)
    }

    func testABoxAcrossTheAntimeridianIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try store(dir)
        let before = try store.count(.deposits)
        XCTAssertThrowsError(try store.addSurvey(files: [Self.corpus.appendingPathComponent("antimeridian-box.geojson")])) { error in
            guard let refusal = error as? SurveyRefusal else { return XCTFail("\(error)") }
            XCTAssertEqual(refusal.blocking.map(\.code), [.outsideKazakhstan], refusal.report.table())
        }
        XCTAssertEqual(try store.count(.deposits), before)
    }
}
