@testable import DepositIndex
import Foundation
import XCTest

/// A connection's layer facts (which layers, their columns) follow what other connections commit: a
/// store opened before another process imported a layer reads and edits with the layers as they are now.
final class LayerFactsTests: XCTestCase {
    func testLayersImportedByAnotherConnectionAreSeen() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("catalog.gpkg").path
        let data = try bundledData()
        try CatalogStore(path: path, access: .create).importData(from: [data.appendingPathComponent("deposits.geojson")])
        let early = try CatalogStore(path: path, access: .read)
        XCTAssertEqual(early.layers, [.deposits])
        var request = StoreRequest()
        request.deposits = ["kz-w-001"]
        request.nearestRail = 1
        XCTAssertThrowsError(try early.catalog(for: request))  // no rail layer yet

        // Another connection (as another process would) imports the rail layer.
        try CatalogStore(path: path, access: .write).importData(from: [data.appendingPathComponent("rail.geojson")])
        let catalog = try early.catalog(for: request)
        XCTAssertEqual(catalog.presentLayers, [.deposits, .rail])
        // README's example: kz-w-001's nearest line is rail-ne-13309, 35.2 km away.
        XCTAssertEqual(try catalog.nearestRail(to: .deposit("kz-w-001"), k: 1).first?.railId, "rail-ne-13309")

        // An editor opened early: its edit runs on the layers as they are when it takes the write lock.
        let editor = try CatalogStore(path: path, access: .write)
        try CatalogStore(path: path, access: .write).importData(from: [data.appendingPathComponent("country.geojson")])
        try editor.removeDeposits(ids: ["kz-w-002"])
        XCTAssertEqual(editor.layers, [.deposits, .rail, .country])
        XCTAssertEqual(try editor.count(.deposits), 53)  // GeoData's 54 deposits less kz-w-002
    }
}
