@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// Answers from a store's partial catalogs equal the answers from the whole catalog loaded from GeoJSON:
/// the candidate windows never leave out a feature that belongs in the answer.
final class StoreQueryTests: XCTestCase {
    nonisolated(unsafe) static var fixture: (store: CatalogStore, full: Catalog, dir: URL)?

    func fixture() throws -> (store: CatalogStore, full: Catalog) {
        if let f = Self.fixture { return (f.store, f.full) }
        let dir = try temporaryDirectory()
        let store = try CatalogStore(path: dir.appendingPathComponent("catalog.gpkg").path, access: .create)
        try store.importData(from: [try bundledData()])
        let full = try Catalog(directory: try bundledData())
        Self.fixture = (store, full, dir)
        return (store, full)
    }

    override class func tearDown() {
        if let dir = fixture?.dir { try? FileManager.default.removeItem(at: dir) }
        fixture = nil
    }

    func testNearestRailAndStationsAtRandomPoints() throws {
        let (store, full) = try fixture()
        var random = SeededRandom(seed: 7)
        var read = 0
        // 150 points over Kazakhstan's box and around it (up to 600 km outside), k from 1 to 4.
        for i in 0..<150 {
            let p = Coordinate(x: Double.random(in: 40...93, using: &random), y: Double.random(in: 35...60, using: &random))
            let k = 1 + i % 4
            var request = StoreRequest()
            request.points = [p]
            request.nearestRail = k
            request.nearestStations = k
            let part = try store.catalog(for: request)
            read += part.rail.count
            XCTAssertEqual(try part.nearestRail(to: .point(p), k: k), try full.nearestRail(to: .point(p), k: k), "\(p) k=\(k)")
            XCTAssertEqual(try part.nearestStations(to: .point(p), k: k), try full.nearestStations(to: .point(p), k: k), "\(p) k=\(k)")
        }
        // The point of the store: a question reads a small part of the layer (here under a tenth on average).
        XCTAssertLessThan(read, 150 * full.rail.count / 10)
    }

    func testEveryDepositByNameAgrees() throws {
        let (store, full) = try fixture()
        for d in full.deposits where d.geometry != nil {
            var request = StoreRequest()
            request.deposits = [d.name]
            request.nearestRail = 2
            request.regionsAround = true
            request.corridors = true
            let part = try store.catalog(for: request)
            XCTAssertTrue(part.deposits.contains { $0.id == d.id }, d.name)
            // Where a line crosses the deposit (0 m) any crossing point is "the" nearest point, and which one
            // the engine reports depends on the order it meets the chains; lines and distances must agree.
            let a = try part.nearestRail(to: .deposit(d.id), k: 2), b = try full.nearestRail(to: .deposit(d.id), k: 2)
            XCTAssertEqual(a.map(\.railId), b.map(\.railId), d.id)
            for (x, y) in zip(a, b) {
                XCTAssertEqual(x.distanceM, y.distanceM, accuracy: 1e-6, d.id)
                if x.distanceM > 0 { XCTAssertEqual(x, y, d.id) }
            }
            XCTAssertEqual(try part.regionShares(of: d.id), try full.regionShares(of: d.id), d.id)
            XCTAssertEqual(try part.corridors(touching: d.id), try full.corridors(touching: d.id), d.id)
        }
    }

    func testCorridorsRegionsAndRadiusAgree() throws {
        let (store, full) = try fixture()
        for c in full.corridors {
            var request = StoreRequest()
            request.corridorDeposits = [c.id]
            XCTAssertEqual(try store.catalog(for: request).corridorOverlap(corridor: c.id), try full.corridorOverlap(corridor: c.id), c.id)
        }
        for r in full.regions {
            var request = StoreRequest()
            request.regions = [r.id]
            XCTAssertEqual(try store.catalog(for: request).deposits(in: r.id), try full.deposits(in: r.id), r.id)
        }
        // Upper Kairakty's published point (GeoData/deposits.geojson), and a point on the Karaganda region.
        for p in [Coordinate(x: 73.283, y: 48.683), Coordinate(x: 69.0, y: 43.3)] {
            var request = StoreRequest()
            request.points = [p]
            request.depositsWithin = 300_000
            request.regionsAround = true
            let part = try store.catalog(for: request)
            XCTAssertEqual(try part.deposits(near: p, within: 300_000), try full.deposits(near: p, within: 300_000))
            XCTAssertEqual(try part.regions(containing: p), try full.regions(containing: p))
        }
    }
}

