import Geo
import XCTest
@testable import DepositIndex

/// The km a route runs along a corridor, on a hand-built line: counted segment by segment, so they do not
/// depend on where the network splits the line.
///
/// Expected lengths: along the equator a geodesic spanning Δλ is a·Δλ (a = 6,378,137 m, WGS84).
final class CorridorRunTests: XCTestCase {
    private func p(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

    private func station(_ id: String, _ lon: Double) -> Station {
        Station.from(id: id, properties: ["kind": .string("station"), "in_kazakhstan": .bool(true)], location: p(lon, 0))
    }

    /// A line along the equator from 0° to 2° E with vertices every 0.5°, and a corridor 20 km wide whose centre
    /// line runs along it from 0° to 1° E: the vertices at 0°, 0.5° and 1° lie on the centre line, those at
    /// 1.5° and 2° are 55 km and more from its end. From 0° to 2° E the route runs 1° of equator, 111,319.5 m,
    /// along the corridor, whether or not a station at 1° E splits the line there. Before, a whole edge counted
    /// or none of it: 0 km without the station (the one edge has vertices outside), 111.3 km with it.
    func testCorridorKmDoNotDependOnWhereTheLineIsSplit() throws {
        let line = RailLine(id: "l", name: "l", status: nil, nameLatin: "Line", countries: [], gaugeMM: nil,
                            geometry: .lineString([p(0, 0), p(0.5, 0), p(1, 0), p(1.5, 0), p(2, 0)]))
        let corridor = Corridor(id: "c", name: "Corridor", aliases: [], widthKm: 20,
                                geometry: .lineString([p(0, 0), p(1, 0)]), properties: [:])
        let expected = 6_378_137.0 * .pi / 180
        for stations in [[station("s", 0), station("t", 2)], [station("s", 0), station("m", 1), station("t", 2)]] {
            let catalog = Catalog(deposits: [], rail: [line], stations: stations, corridors: [corridor])
            let net = try RailNetwork(catalog: catalog, toleranceM: 10)
            let route = try net.route(from: .station("s"), to: .station("t"), catalog: catalog)
            XCTAssertEqual(route.railM, 2 * expected, accuracy: 1e-3)
            XCTAssertTrue(route.corridorsChecked)
            XCTAssertEqual(route.corridors.map(\.id), ["c"], "\(stations.map(\.id))")
            XCTAssertEqual((route.corridors.first?.km ?? 0) * 1000, expected, accuracy: 1e-3, "\(stations.map(\.id))")
        }
    }
}
