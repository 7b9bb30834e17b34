@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// GDAL reads the store as a GeoPackage: every layer listed with its feature count and extent.
final class OGRInfoTests: XCTestCase {
    func testOGRInfoListsEveryLayerWithCountsAndExtents() throws {
        guard let ogrinfo = which("ogrinfo") else {
            throw XCTSkip("ogrinfo is not installed (apt-get install gdal-bin); GDAL's reading of the store is not checked")
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("catalog.gpkg").path
        let store = try CatalogStore(path: path, access: .create)
        try store.importData(from: [try bundledData()])
        let source = try Catalog(directory: try bundledData())

        let result = try runProgram(ogrinfo, ["-ro", "-so", "-al", path])
        XCTAssertEqual(result.status, 0, result.err)
        // GDAL warns about extensions it must understand to read safely; ours is write-only, so none.
        XCTAssertFalse(result.err.contains("ERROR") || result.err.contains("Warning"), result.err)
        let layers = Self.parse(result.out)
        XCTAssertEqual(Set(layers.keys), Set(StoreLayer.allCases.map(\.table)), result.out)
        // Listed beside them: our attributes table of per-layer facts, one row per layer, and nothing else.
        let listed = result.out.split(separator: "\n").filter { $0.hasPrefix("Layer name: ") }.map { String($0.dropFirst("Layer name: ".count)) }
        XCTAssertEqual(Set(listed), Set(StoreLayer.allCases.map(\.table) + ["depositindex_layers"]), result.out)
        // Expected counts and extents come from the GeoJSON files, computed here from their vertices.
        let expected: [String: (Int, [Shape])] = [
            "deposits": (source.deposits.count, source.deposits.compactMap(\.geometry)),
            "rail": (source.rail.count, source.rail.map(\.geometry)),
            "stations": (source.stations.count, source.stations.map { .point($0.location) }),
            "corridors": (source.corridors.count, source.corridors.map(\.geometry)),
            "regions": (source.regions.count, source.regions.map(\.geometry)),
            "country": (1, [source.country!.geometry]),
        ]
        for (name, (count, shapes)) in expected {
            guard let layer = layers[name] else { continue }
            XCTAssertEqual(layer.count, count, name)
            let box = Envelope(covering: shapes.flatMap(\.coordinates))!
            // ogrinfo prints the extent with 6 decimals.
            XCTAssertEqual(layer.extent.minX, box.minX, accuracy: 5e-7, name)
            XCTAssertEqual(layer.extent.minY, box.minY, accuracy: 5e-7, name)
            XCTAssertEqual(layer.extent.maxX, box.maxX, accuracy: 5e-7, name)
            XCTAssertEqual(layer.extent.maxY, box.maxY, accuracy: 5e-7, name)
        }
    }

    /// Layer name -> (Feature Count, Extent) from `ogrinfo -so -al`.
    static func parse(_ text: String) -> [String: (count: Int, extent: Envelope)] {
        var out = [String: (count: Int, extent: Envelope)]()
        var name: String?, count: Int?
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("Layer name: ") { name = String(line.dropFirst("Layer name: ".count)) }
            if line.hasPrefix("Feature Count: ") { count = Int(line.dropFirst("Feature Count: ".count)) }
            if line.hasPrefix("Extent: "), let n = name, let c = count {
                let numbers = line.dropFirst("Extent: ".count).map { "(),".contains($0) ? " " : $0 }
                    .split(separator: " ").compactMap { Double(String($0)) }
                if numbers.count == 4 {
                    out[n] = (c, Envelope(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3]))
                }
            }
        }
        return out
    }
}
