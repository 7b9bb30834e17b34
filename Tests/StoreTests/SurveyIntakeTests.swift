@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// `addSurvey` and `removeDeposits`: validated first, one transaction, nothing written on refusal.
final class SurveyIntakeTests: XCTestCase {
    private func store(_ dir: URL) throws -> CatalogStore {
        let store = try CatalogStore(path: dir.appendingPathComponent("catalog.gpkg").path, access: .create)
        try store.importData(from: [try bundledData()])
        return store
    }

    private func write(_ features: [Feature], _ url: URL) throws {
        try GeoJSON.text(of: features).write(to: url, atomically: true, encoding: .utf8)
    }

    /// A 1' x 1' block (GeoData's subsoil-block unit) with its lower-left corner at (lon, lat).
    private func block(_ id: String, lon: Double, lat: Double) -> Feature {
        let d = 1.0 / 60
        let ring = [Coordinate(x: lon, y: lat), Coordinate(x: lon + d, y: lat), Coordinate(x: lon + d, y: lat + d),
                    Coordinate(x: lon, y: lat + d), Coordinate(x: lon, y: lat)]
        return Feature(id: id, properties: ["name": .string("Survey \(id)"), "commodities": ["Cu"], "status": "exploration",
                                            "footprint": "subsoil_blocks", "source": "test survey", "aliases": [], "location_precision_m": 100], geometry: .polygon([ring]))
    }

    func testNewDepositIsAddedAndRemoved() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try store(dir)
        let before = try store.count(.deposits)
        // Steppe south of Karaganda, km away from any bundled deposit.
        let survey = dir.appendingPathComponent("survey.geojson")
        try write([block("test-new-1", lon: 72.5, lat: 47.2)], survey)
        let intake = try store.addSurvey(files: [survey])
        XCTAssertFalse(intake.report.hasErrors, intake.report.table())
        XCTAssertEqual(intake.added, ["test-new-1"])
        XCTAssertEqual(try store.count(.deposits), before + 1)
        var request = StoreRequest()
        request.deposits = ["Survey test-new-1"]
        XCTAssertEqual(try store.catalog(for: request).deposits.map(\.id), ["test-new-1"])
        try store.removeDeposits(ids: ["test-new-1"])
        XCTAssertEqual(try store.count(.deposits), before)
        XCTAssertEqual(try store.catalog(for: request).deposits.map(\.id), [])
        XCTAssertThrowsError(try store.removeDeposits(ids: ["test-new-1"]))
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testOverlapIsRefusedUnlessAllowed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try store(dir)
        let full = try store.catalog()
        guard let target = full.deposits.first(where: { $0.geometry?.polygons.isEmpty == false }),
              let corner = target.geometry?.coordinates.first else { throw XCTSkip("no polygon deposit in the bundled data") }
        let before = try store.count(.deposits)
        let survey = dir.appendingPathComponent("overlap.geojson")
        // A block whose corner sits on the deposit's first vertex overlaps it (a fresh id, so not a replacement).
        try write([block("test-overlap", lon: corner.x - 1.0 / 120, lat: corner.y - 1.0 / 120)], survey)
        XCTAssertThrowsError(try store.addSurvey(files: [survey])) { error in
            guard let refusal = error as? SurveyRefusal else { return XCTFail("\(error)") }
            XCTAssertTrue(refusal.blocking.contains { $0.code == .overlapsDeposit }, refusal.report.table())
        }
        XCTAssertEqual(try store.count(.deposits), before)
        let intake = try store.addSurvey(files: [survey], allowOverlap: true)
        XCTAssertEqual(intake.added, ["test-overlap"])
        XCTAssertEqual(try store.count(.deposits), before + 1)
    }

    func testSurveyWithErrorsWritesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try store(dir)
        let before = try store.count(.deposits)
        let survey = dir.appendingPathComponent("bad.geojson")
        // One good block and one with an unclosed ring: the whole survey is refused.
        var bad = block("test-bad", lon: 72.7, lat: 47.2)
        bad.geometry = .polygon([Array(bad.geometry!.coordinates.dropLast())])
        try write([block("test-good", lon: 72.5, lat: 47.2), bad], survey)
        XCTAssertThrowsError(try store.addSurvey(files: [survey]))
        XCTAssertEqual(try store.count(.deposits), before)
        XCTAssertEqual(try store.features(.deposits, ids: ["test-good"]).count, 0)
    }

    func testFailedImportLeavesStoreAsItWas() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try store(dir)
        let before = try store.catalog()
        // A rail file with a duplicated id: the loader refuses it, so nothing may change.
        let lines = before.rail.prefix(2).map { Feature(id: "same-id", properties: $0.properties, geometry: $0.geometry) }
        let rail = dir.appendingPathComponent("rail.geojson")
        try write(Array(lines), rail)
        XCTAssertThrowsError(try store.importData(from: [rail]))
        let after = try store.catalog()
        XCTAssertEqual(after.rail.map(\.id), before.rail.map(\.id))
        XCTAssertEqual(after.deposits.map(\.id), before.deposits.map(\.id))
    }
}
