import Geo
import XCTest
@testable import DepositIndex

/// `CorridorMasks` measures few vertices exactly and decides the rest from the triangle inequality; its
/// masks must be the ones the exact per-vertex test (`Catalog.corridors(containing:)`) gives, vertex by vertex.
final class CorridorMasksTests: XCTestCase {
    private func p(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

    /// The exact per-vertex answer: each vertex's corridors by `Catalog.corridors(containing:)`, as bits.
    private func exactMasks(_ path: [Coordinate], _ catalog: Catalog, _ bitOf: [String: Int]) throws -> [[UInt64]] {
        try path.map { c in
            var mask = [UInt64](repeating: 0, count: (catalog.corridors.count + 63) / 64)
            for f in try catalog.corridors(containing: c) { mask[bitOf[f.corridorId]! / 64] |= 1 << UInt64(bitOf[f.corridorId]! % 64) }
            return mask
        }
    }

    private func bits(_ catalog: Catalog) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: catalog.corridors.map(\.id).sorted().enumerated().map { ($1, $0) })
    }

    /// Every vertex of Upper Kairakty's routes to all its gateways on the bundled data (thousands of vertices,
    /// in, out of and across the six corridors): the same masks as measuring each vertex.
    func testBundledRoutesAgreeWithTheExactTestAtEveryVertex() throws {
        let catalog = try Catalog.bundled()
        let network = try RailNetwork(catalog: catalog, toleranceM: 100)
        let rules = try BorderRules(network: network, catalog: catalog)
        let routes = try network.gateways(from: .deposit("kz-w-001"), catalog: catalog, rules: rules).compactMap(\.route)
        XCTAssertEqual(routes.count, 19)  // `deposits gateways "Upper Kairakty"`: 19 of its 25 gateways are reached
        var masks = CorridorMasks(catalog: catalog, bitOfId: bits(catalog))
        var vertices = 0, inside = 0
        for route in routes {
            let got = try masks.masks(of: route.path, catalog: catalog)
            let exact = try exactMasks(route.path, catalog, bits(catalog))
            XCTAssertEqual(got, exact, "route to \(route.railM)")
            vertices += route.path.count
            inside += exact.filter { $0.contains { $0 != 0 } }.count
        }
        // Both kinds are there in numbers, so the bounds were exercised both ways.
        XCTAssertGreaterThan(inside, 1_000)
        XCTAssertGreaterThan(vertices - inside, 1_000)
    }

    /// A path along the equator crossing the edge of a corridor whose centre line runs along the meridian
    /// 1° E, 20 km wide: vertices every 0.01° (1,113.2 m, a·0.01·π/180) from 0.7° to 1.3° E. The distance from
    /// (λ, 0) to the meridian is the equator arc a·|λ − 1°|·π/180 (meridians meet the equator at right angles),
    /// so the vertices within 10 km are those with |λ − 1| ≤ 0.0898°: 0.92° to 1.08° E, 17 of 61.
    func testVerticesNearTheHalfWidthAreMeasuredNotGuessed() throws {
        let corridor = Corridor(id: "c", name: "c", aliases: [], widthKm: 20,
                                geometry: .lineString([p(1, -5), p(1, 5)]), properties: [:])
        let catalog = Catalog(deposits: [], rail: [], corridors: [corridor])
        let path = (70...130).map { p(Double($0) / 100, 0) }
        var masks = CorridorMasks(catalog: catalog, bitOfId: ["c": 0])
        let got = try masks.masks(of: path, catalog: catalog)
        XCTAssertEqual(got, try exactMasks(path, catalog, ["c": 0]))
        XCTAssertEqual(zip(path, got).filter { $0.1[0] != 0 }.map { Int(($0.0.longitude * 100).rounded()) }, Array(92...108))
    }
}
