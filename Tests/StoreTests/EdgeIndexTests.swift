@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// The store's edge index on a small whole-globe set built to defeat a layer-wide bow pad: short lines
/// in nine places (two across the antimeridian, one round the North Pole), one line whose single long
/// edge bows 7° of latitude beyond its vertices, and one across the antimeridian. With the pad, every
/// window search of such a layer read all of it (a pad of 180°); through the edge index a question far
/// from any rail reads a handful of small windows. Answers equal the whole catalog's everywhere.
final class EdgeIndexTests: XCTestCase {
    nonisolated(unsafe) static var fixture: (store: CatalogStore, full: Catalog, dir: URL)?

    /// Where the short lines and the deposits are.
    static let places = [
        Coordinate(longitude: 70, latitude: 48), Coordinate(longitude: 179.9, latitude: -17.5), Coordinate(longitude: -179.8, latitude: 66),
        Coordinate(longitude: 40, latitude: 88.5), Coordinate(longitude: 0, latitude: -80), Coordinate(longitude: -60, latitude: 10),
        Coordinate(longitude: 140, latitude: 35), Coordinate(longitude: 20, latitude: -30), Coordinate(longitude: -100, latitude: 45),
    ]
    static let lineCount = 9 * 60 + 2

    func fixture() throws -> (store: CatalogStore, full: Catalog) {
        if let f = Self.fixture { return (f.store, f.full) }
        let dir = try temporaryDirectory()
        var rng = SeededRandom(seed: 16)
        let g = Geodesic.wgs84
        func near(_ c: Coordinate, within r: Double) -> Coordinate {
            g.direct(from: c, azimuth: Double.random(in: 0..<360, using: &rng), distance: Double.random(in: 0...r, using: &rng)).point
        }
        var rail = [Feature]()
        for (p, centre) in Self.places.enumerated() {
            for i in 0..<60 {
                var c = near(centre, within: 150_000)
                var heading = Double.random(in: 0..<360, using: &rng)
                var line = [c]
                for _ in 0..<8 {
                    heading += Double.random(in: -20...20, using: &rng)
                    let next = g.direct(from: c, azimuth: heading, distance: Double.random(in: 1_000...3_000, using: &rng))
                    (c, heading) = (next.point, next.azimuth)
                    line.append(c)
                }
                rail.append(Feature(id: "rail-\(p)-\(i)", properties: ["name": .string("Line \(p)-\(i)")], geometry: .lineString(line)))
            }
        }
        // One edge 120° of longitude long at 75°N: its geodesic reaches about 82°N over the pole's side.
        rail.append(Feature(id: "rail-polar-edge", properties: ["name": "Polar edge"],
                            geometry: .lineString([Coordinate(longitude: -60, latitude: 75), Coordinate(longitude: 60, latitude: 75)])))
        rail.append(Feature(id: "rail-across", properties: ["name": "Across"],
                            geometry: .lineString([Coordinate(longitude: 179.5, latitude: -16), Coordinate(longitude: -179.5, latitude: -16.2)])))
        var deposits = [Feature]()
        for (p, centre) in Self.places.enumerated() {
            for i in 0..<30 {
                // Squares of 1 km half-diagonal; near ±180° some straddle it.
                let c = near(centre, within: 100_000)
                var ring = (0..<4).map { g.direct(from: c, azimuth: Double($0) * 90 + 45, distance: 1_000).point }
                ring.append(ring[0])
                deposits.append(Feature(id: "dep-\(p)-\(i)", properties: [
                    "name": .string("Deposit \(p)-\(i)"), "aliases": [], "commodities": ["W"], "status": "exploration",
                    "footprint": "subsoil_blocks", "location_precision_m": .null, "source": "test (seeded)"],
                    geometry: .polygon([ring])))
            }
        }
        try Data(GeoJSON.text(of: rail, decimals: nil).utf8).write(to: dir.appendingPathComponent("rail.geojson"))
        try Data(GeoJSON.text(of: deposits, decimals: nil).utf8).write(to: dir.appendingPathComponent("deposits.geojson"))
        let store = try CatalogStore(path: dir.appendingPathComponent("catalog.gpkg").path, access: .create)
        try store.importData(from: [dir])
        let full = try Catalog(directory: dir)
        XCTAssertEqual(full.rail.count, Self.lineCount)
        Self.fixture = (store, full, dir)
        return (store, full)
    }

    override class func tearDown() {
        if let dir = fixture?.dir { try? FileManager.default.removeItem(at: dir) }
        fixture = nil
    }

    /// Far from rail (mid-Pacific, the Southern Ocean, at both poles, on the antimeridian between the
    /// lines there): a few windows, a small part of the layer read, never the whole layer.
    func testFarFromRailReadsFewWindows() throws {
        let (store, full) = try fixture()
        // The layer's greatest bow is the line across the antimeridian's: 180, "read everything".
        XCTAssertEqual(store.bowPad[.rail], 180)
        XCTAssertEqual(store.layerBowPad(.rail), 0)
        let points = [Coordinate(longitude: -150, latitude: 0), Coordinate(longitude: 100, latitude: -60),
                      Coordinate(longitude: 0, latitude: 89.99), Coordinate(longitude: 0, latitude: -89.99),
                      Coordinate(longitude: 180, latitude: 30), Coordinate(longitude: 45, latitude: 80)]
        for p in points {
            let source = CountingSource(store)
            var request = StoreRequest()
            request.points = [p]
            request.nearestRail = 1
            let part = try source.read(request)
            XCTAssertEqual(try part.nearestRail(to: .point(p), k: 1), try full.nearestRail(to: .point(p), k: 1), "\(p)")
            XCTAssertEqual(source.wholeLayers, 0, "\(p)")
            // Windows grow by √2 from 2 km until a box is met (27 steps reach 20,000 km), then go once past
            // the k-th distance.
            XCTAssertLessThanOrEqual(source.windows, 29, "\(p)")
            // Decoded best first: a batch or two of 16, not the hundreds of lines in the last window.
            XCTAssertLessThanOrEqual(source.featuresRead, 48, "\(p) \(source.windows) windows")
            print("far from rail: \(p): \(source.windows) windows, \(source.featuresRead) of \(Self.lineCount) lines decoded")
        }
    }

    /// Random points over the whole sphere and every deposit: the store's answers (nearest 1 to 3 lines,
    /// deposits within 200 km) equal the whole catalog's.
    func testAnswersEqualTheWholeCatalog() throws {
        let (store, full) = try fixture()
        var rng = SeededRandom(seed: 61)
        var points = (0..<120).map { _ in
            Coordinate(longitude: Double.random(in: -180..<180, using: &rng), latitude: asin(Double.random(in: -1...1, using: &rng)) * 180 / .pi)
        }
        points += Self.places.map { near in Coordinate(longitude: near.longitude + 0.05, latitude: near.latitude) }
        for (i, p) in points.enumerated() {
            let k = 1 + i % 3
            var request = StoreRequest()
            request.points = [p]
            request.nearestRail = k
            request.depositsWithin = 200_000
            let part = try store.catalog(for: request)
            XCTAssertEqual(try part.nearestRail(to: .point(p), k: k), try full.nearestRail(to: .point(p), k: k), "\(p) k=\(k)")
            XCTAssertEqual(try part.deposits(near: p, within: 200_000), try full.deposits(near: p, within: 200_000), "\(p)")
        }
        for d in full.deposits {
            var request = StoreRequest()
            request.deposits = [d.id]
            request.nearestRail = 2
            let part = try store.catalog(for: request)
            XCTAssertEqual(try part.nearestRail(to: .deposit(d.id), k: 2), try full.nearestRail(to: .deposit(d.id), k: 2), d.id)
        }
    }

    /// A store written before the edge index (format 1) is still answered exactly, through the spec's
    /// R-tree and the layer's pad (here 180°: the whole layer).
    func testFormatOneStoreIsAnsweredThroughThePad() throws {
        let (_, full) = try fixture()
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = try CatalogStore(path: dir.appendingPathComponent("old.gpkg").path, access: .create)
        try old.importData(from: [Self.fixture!.dir])
        try old.edit {
            try old.db.execute("UPDATE depositindex_layers SET format_version = 1")
            try old.db.execute("DROP TABLE depositindex_edges_rail")
        }
        let source = CountingSource(try CatalogStore(path: old.path, access: .read))
        XCTAssertNil(source.edgeIndex(.rail))
        for p in [Coordinate(longitude: -150, latitude: 0), Coordinate(longitude: 179.99, latitude: -16.1)] {
            var request = StoreRequest()
            request.points = [p]
            request.nearestRail = 1
            let part = try source.read(request)
            XCTAssertEqual(try part.nearestRail(to: .point(p), k: 1), try full.nearestRail(to: .point(p), k: 1), "\(p)")
        }
        XCTAssertEqual(source.wholeLayers, 2)
    }

    /// An edit keeps the edge index in step: a deposit added across the antimeridian is found by a window
    /// on either side of it, and is gone from the index once removed.
    func testEditsKeepTheEdgeIndex() throws {
        _ = try fixture()
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CatalogStore(path: dir.appendingPathComponent("edit.gpkg").path, access: .create)
        try store.importData(from: [Self.fixture!.dir])
        let ring = [Coordinate(longitude: 179.99, latitude: 10), Coordinate(longitude: -179.99, latitude: 10),
                    Coordinate(longitude: -179.99, latitude: 10.01), Coordinate(longitude: 179.99, latitude: 10)]
        let added = StoredFeature(id: "dep-added", properties: ["name": "Added"], geometry: .polygon([ring]))
        try store.edit { try store.insert([added], into: .deposits) }
        let west = Envelope(minX: 179.995, minY: 9.9, maxX: 179.999, maxY: 10.1)
        let east = Envelope(minX: -179.999, minY: 9.9, maxX: -179.995, maxY: 10.1)
        for w in [west, east] {
            XCTAssertEqual(try store.features(.deposits, edgesMeeting: w).map(\.id), ["dep-added"], "\(w)")
        }
        XCTAssertEqual(try store.edit { try store.delete(ids: ["dep-added"], from: .deposits) }, 1)
        XCTAssertEqual(try store.db.integer("SELECT count(*) FROM depositindex_edges_deposits"), Int64(9 * 30))
        XCTAssertEqual(try store.features(.deposits, edgesMeeting: west).count, 0)
    }

    /// The edge index holds every geodesic edge: the polar edge's box reaches the latitude its geodesic
    /// reaches (about 82.3°N by GeographicLib's inverse: vertex latitude acos(|sin α₁| cos β₁) on the
    /// auxiliary sphere), and the line across ±180° gets one box from 179.5 to 180.5.
    func testEdgeIndexBoxes() throws {
        let (store, _) = try fixture()
        let box = { (id: String) -> [Double] in
            let s = try store.db.prepare("SELECT r.minx, r.maxx, r.miny, r.maxy FROM depositindex_edges_rail r JOIN rail t ON t.fid = r.id WHERE t.id = ?")
            try s.bind([.text(id)])
            XCTAssertTrue(try s.step(), id)
            return (0..<4).map { s.double($0) }
        }
        let polar = try box("rail-polar-edge")
        let top = Geodesic.wgs84.inverse(Coordinate(longitude: -60, latitude: 75), Coordinate(longitude: 60, latitude: 75))
        let apex = Geodesic.wgs84.direct(from: Coordinate(longitude: -60, latitude: 75), azimuth: top.azimuth1, distance: top.distance / 2).point
        XCTAssertGreaterThan(apex.latitude, 82)
        XCTAssertGreaterThanOrEqual(polar[3], apex.latitude)
        let across = try box("rail-across")
        XCTAssertEqual(across[0], 179.5, accuracy: 1e-4)
        XCTAssertEqual(across[1], 180.5, accuracy: 1e-4)
    }

    /// Near a pole the edge index's boxes are solved rather than reached to the pole: the box of each of
    /// 200 seeded edges within 5° of a pole holds its geodesic (PROJ's points every 100 m along it), and
    /// exceeds it by under 1e-5° (100 m spacing leaves the sampled top under 1e-6° short of the vertex).
    func testPolarEdgeLatitudesAreSolved() {
        var rng = SeededRandom(seed: 5)
        var belowPole = 0
        for i in 0..<200 {
            let a = Coordinate(longitude: Double.random(in: -180..<180, using: &rng),
                               latitude: (i % 2 == 0 ? 1 : -1) * Double.random(in: 85...89.9, using: &rng))
            let b = Geodesic.wgs84.direct(from: a, azimuth: Double.random(in: 0..<360, using: &rng),
                                          distance: Double.random(in: 1_000...50_000, using: &rng)).point
            var box = Envelope(minX: a.longitude, minY: min(a.latitude, b.latitude), maxX: b.longitude, maxY: max(a.latitude, b.latitude))
            XCTAssertTrue(EdgeEnvelope.padGivesUp(box, dLon: abs(EdgeEnvelope.wrappedDelta(b.longitude - a.longitude))))
            EdgeEnvelope.exactLatitudes(&box, a, b)
            let line = Geodesic.wgs84.line(from: a, to: b, maxSpacing: 100)
            let top = line.map(\.latitude).max()!, bottom = line.map(\.latitude).min()!
            XCTAssertGreaterThanOrEqual(box.maxY, top, "\(a) \(b)")
            XCTAssertLessThanOrEqual(box.minY, bottom, "\(a) \(b)")
            XCTAssertLessThan(box.maxY - top, 1e-5, "\(a) \(b)")
            XCTAssertLessThan(bottom - box.minY, 1e-5, "\(a) \(b)")
            if box.maxY < 90 && box.minY > -90 { belowPole += 1 }
        }
        // A geodesic passes over a pole only when aimed exactly at it: every box stops short of the pole,
        // where `pad` reached it for all 200.
        XCTAssertEqual(belowPole, 200)
    }

    /// Long edges just off the equator: the vertex of the geodesic between two points at one latitude is
    /// its midpoint (by symmetry), found by `direct` at half the length; the box holds it to 1e-9° with
    /// no more than 1e-8° to spare. The vertex formula through arccos lost up to 1.6e-7° (1.7 cm) here.
    func testNearEquatorialEdgeLatitudesAreSolved() throws {
        for latitude in [1e-7, 1e-6, 1e-5, 1e-3, 0.5, 10.0, 40.0] {
            for dLon in [20.0, 60.0, 120.0] {
                for sign in [1.0, -1.0] {
                    let a = Coordinate(longitude: 0, latitude: sign * latitude), b = Coordinate(longitude: dLon, latitude: sign * latitude)
                    let g = Geodesic.wgs84.inverse(a, b)
                    let vertex = Geodesic.wgs84.direct(from: a, azimuth: g.azimuth1, distance: g.distance / 2).point.latitude
                    var box = Envelope(minX: 0, minY: a.latitude, maxX: dLon, maxY: a.latitude)
                    EdgeEnvelope.exactLatitudes(&box, a, b)
                    if sign > 0 {
                        XCTAssertGreaterThanOrEqual(box.maxY, vertex, "\(latitude) \(dLon)")
                        XCTAssertLessThan(box.maxY - vertex, 1e-8, "\(latitude) \(dLon)")
                    } else {
                        XCTAssertLessThanOrEqual(box.minY, vertex, "\(-latitude) \(dLon)")
                        XCTAssertLessThan(vertex - box.minY, 1e-8, "\(-latitude) \(dLon)")
                    }
                }
            }
        }
    }
}

/// A store seen through `FeatureSource`, counting the window searches and the features they read.
final class CountingSource: FeatureSource {
    let store: CatalogStore
    var windows = 0, featuresRead = 0, wholeLayers = 0

    init(_ store: CatalogStore) { self.store = store }

    var storeName: String { store.storeName }
    var catalogDirectory: URL { store.catalogDirectory }
    var layers: [StoreLayer] { store.layers }
    func hasLayer(_ layer: StoreLayer) -> Bool { store.hasLayer(layer) }
    func layerBowPad(_ layer: StoreLayer) -> Double { store.layerBowPad(layer) }
    func features(_ layer: StoreLayer, meeting window: Envelope) throws -> [StoredFeature] {
        try store.features(layer, meeting: window)
    }
    func features(_ layer: StoreLayer, edgesMeeting window: Envelope) throws -> [StoredFeature] {
        let found = try store.features(layer, edgesMeeting: window)
        if layer == .rail { windows += 1; featuresRead += found.count }
        return found
    }
    func features(_ layer: StoreLayer, ids: [String]) throws -> [StoredFeature] { try store.features(layer, ids: ids) }
    func features(_ layer: StoreLayer, nameKey key: String, containing: Bool) throws -> [StoredFeature] {
        try store.features(layer, nameKey: key, containing: containing)
    }
    func edgeIndex(_ layer: StoreLayer) -> (any EdgeIndexReader)? {
        guard let index = store.edgeIndex(layer) else { return nil }
        return layer == .rail ? CountingIndex(index: index, source: self) : index
    }
    func allFeatures(_ layer: StoreLayer) throws -> [StoredFeature] {
        if layer == .rail { wholeLayers += 1 }
        return try store.allFeatures(layer)
    }
}

/// An edge index counting its windows and the features decoded.
struct CountingIndex: EdgeIndexReader {
    let index: any EdgeIndexReader
    let source: CountingSource

    func entries(meeting window: Envelope) throws -> [EdgeEntry] {
        source.windows += 1
        return try index.entries(meeting: window)
    }
    func features(_ entries: [EdgeEntry]) throws -> [StoredFeature] {
        source.featuresRead += entries.count
        return try index.features(entries)
    }
}
