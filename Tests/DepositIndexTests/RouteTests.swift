import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// Routes over the rail network: access legs at the exact nearest rail point, the rail path, the stations
/// and junctions passed, and refusals. Hand-built networks lie on the equator and on a meridian, as in
/// `NetworkTests`: along the equator a geodesic spanning Δλ is a·Δλ long; along a meridian it is the
/// meridian arc, ∫M(φ)dφ, taken by Simpson's rule; from a point straight north or south of the equator the
/// nearest point of the equator is straight south or north (the meridian meets it at right angles).
final class RouteTests: XCTestCase {
    private func equator(_ degrees: Double) -> Double { EllipsoidArcs.equator(degrees) }
    private func meridian(_ from: Double, _ to: Double) -> Double { EllipsoidArcs.meridian(from, to) }

    private func line(_ id: String, _ lonLats: [(Double, Double)]) -> RailLine {
        RailLine(id: id, name: id, geometry: .lineString(lonLats.map { Coordinate(longitude: $0.0, latitude: $0.1) }))
    }

    private func point(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

    /// An equator line from 0° to 2° with a meridian branch north from 0.5° (a junction at the shared
    /// vertex), and a station 0.001° north of 1°E, attached at (1°, 0) with a 110.6 m offset.
    private func tNetwork() throws -> (Catalog, RailNetwork) {
        let catalog = Catalog(deposits: [], rail: [line("e", [(0, 0), (0.5, 0), (1, 0), (2, 0)]), line("m", [(0.5, 0), (0.5, 1)])],
                              stations: [Station(id: "st", name: "Mid", kind: "station", location: point(1, 0.001), properties: JSONObject())])
        return (catalog, try RailNetwork(catalog: catalog, toleranceM: 200))
    }

    /// Two points off the equator line: each access leg is a meridian arc, the rail runs from 0.25° to
    /// 1.75° along the equator (1.5° of it), past the junction at 0.5° and the station at 1°.
    func testAccessLegsAndViaDistances() throws {
        let (catalog, net) = try tNetwork()
        let route = try net.route(from: .point(point(0.25, 0.001)), to: .point(point(1.75, -0.002)), catalog: catalog)
        XCTAssertEqual(route.from.accessM, meridian(0, 0.001), accuracy: 1e-3)   // 110.6 m
        XCTAssertEqual(route.to.accessM, meridian(0, 0.002), accuracy: 1e-3)     // 221.1 m
        XCTAssertEqual(route.railM, equator(1.5), accuracy: 1e-3)
        XCTAssertEqual(route.totalM, meridian(0, 0.001) + equator(1.5) + meridian(0, 0.002), accuracy: 1e-3)
        XCTAssertEqual(route.from.railPoint.longitude, 0.25, accuracy: 1e-9)
        XCTAssertEqual(route.via.map(\.kind), ["junction", "station"])
        XCTAssertEqual(route.via.map(\.stationId), [nil, "st"])
        XCTAssertEqual(route.via[0].fromStartM, equator(0.25), accuracy: 1e-3)
        XCTAssertEqual(route.via[1].fromStartM, equator(0.75), accuracy: 1e-3)
        XCTAssertEqual(route.path.first!.longitude, 0.25, accuracy: 1e-9)
        XCTAssertEqual(route.path.last!.longitude, 1.75, accuracy: 1e-9)
        XCTAssertEqual(RailNetwork.length(route.path), route.railM, accuracy: 1e-3)
        // The other way: the same lengths, the via distances from the other end.
        let back = try net.route(from: .point(point(1.75, -0.002)), to: .point(point(0.25, 0.001)), catalog: catalog)
        XCTAssertEqual(back.totalM, route.totalM, accuracy: 1e-3)
        XCTAssertEqual(back.via.map(\.kind), ["station", "junction"])
        XCTAssertEqual(back.via[0].fromStartM, equator(0.75), accuracy: 1e-3)
    }

    /// Both places on one edge (between 1° and 2°, beyond the station): the rail is the equator between them.
    func testBothEndsOnOneEdge() throws {
        let (catalog, net) = try tNetwork()
        let route = try net.route(from: .point(point(1.8, 0.001)), to: .point(point(1.2, 0.001)), catalog: catalog)
        XCTAssertEqual(route.railM, equator(0.6), accuracy: 1e-3)
        XCTAssertEqual(route.totalM, 2 * meridian(0, 0.001) + equator(0.6), accuracy: 1e-3)
        XCTAssertTrue(route.via.isEmpty)
        XCTAssertEqual(route.path.count, 2)
        XCTAssertEqual(route.path[0].longitude, 1.8, accuracy: 1e-9)
        XCTAssertEqual(route.path[1].longitude, 1.2, accuracy: 1e-9)
    }

    /// A station enters at its attachment with no access leg; a point on the branch turns at the junction:
    /// 0.5° of equator back to the junction, then 0.75° of meridian north.
    func testStationToAPointOnTheBranch() throws {
        let (catalog, net) = try tNetwork()
        let route = try net.route(from: .station("st"), to: .point(point(0.5, 0.75)), catalog: catalog)
        XCTAssertEqual(route.from.accessM, 0)
        XCTAssertEqual(route.to.accessM, 0, accuracy: 1e-3)
        XCTAssertEqual(route.railM, equator(0.5) + meridian(0, 0.75), accuracy: 1e-3)
        XCTAssertEqual(route.via.map(\.kind), ["station", "junction"])
        XCTAssertEqual(route.via[0].fromStartM, 0)
        XCTAssertEqual(route.via[1].fromStartM, equator(0.5), accuracy: 1e-3)
        XCTAssertThrowsError(try net.route(from: .station("nowhere"), to: .station("st"), catalog: catalog)) { error in
            XCTAssertEqual(error as? RouteError, .unknownStation("nowhere"))
        }
    }

    /// Two lines 1° apart on the equator, far beyond the tolerance: no route, and the error names both
    /// components and the break (the 1° gap, a · π/180 = 111,319.49 m).
    func testDifferentComponentsAreRefused() throws {
        let catalog = Catalog(deposits: [], rail: [line("west", [(0, 0), (1, 0)]), line("east", [(2, 0), (4, 0)])], stations: [])
        let net = try RailNetwork(catalog: catalog, toleranceM: 100)
        XCTAssertThrowsError(try net.route(from: .point(point(0.5, 0.01)), to: .point(point(3, 0.01)), catalog: catalog)) { error in
            guard case .disconnected(let a, let b, let gap)? = error as? RouteError else { return XCTFail("\(error)") }
            XCTAssertEqual([a, b], [1, 0])  // the east line is longer, so component 0
            XCTAssertTrue(gap?.contains("111319 m from component 0") ?? false, gap ?? "no break")
        }
    }

    // MARK: The bundled data

    private static let bundled = Result { try Catalog.bundled() }

    /// Upper Kairakty (kz-w-001) to Aktogay station (osm-4020137341). The parts measured independently:
    /// the access leg from `nearestRail` (35,212.27 m, as in the README), and the rail from the first station
    /// passed, Сарысу (osm-3804046056), by `shortestPath` between the two stations' nodes; the rail from the
    /// entry point to Сарысу is no shorter than the geodesic between the two rail points. Measured
    /// (December 2026): 727.80 km of rail, 763.01 km in all, every edge of it within the Middle Corridor.
    func testUpperKairaktyToAktogay() throws {
        let catalog = try Self.bundled.get()
        let net = try RailNetwork(catalog: catalog, toleranceM: 100)
        let route = try net.route(from: .deposit("kz-w-001"), to: .station("osm-4020137341"), catalog: catalog)
        let near = try XCTUnwrap(try catalog.nearestRail(to: .deposit("kz-w-001")).first)
        XCTAssertEqual(route.from.accessM, near.distanceM, accuracy: 1e-6)
        XCTAssertEqual(route.from.railPoint, near.railPoint)
        XCTAssertEqual(route.to.accessM, 0)
        let first = try XCTUnwrap(route.via.first { $0.kind == "station" })
        XCTAssertEqual(first.stationId, "osm-3804046056")
        let onward = try XCTUnwrap(net.shortestPath(from: try XCTUnwrap(net.node(ofStation: "osm-3804046056")),
                                                    to: try XCTUnwrap(net.node(ofStation: "osm-4020137341"))))
        XCTAssertEqual(route.railM, first.fromStartM + onward.lengthM, accuracy: 1e-3)
        XCTAssertGreaterThanOrEqual(first.fromStartM, Geodesic.wgs84.distance(near.railPoint, first.location) - 1e-3)
        XCTAssertEqual(route.totalM, near.distanceM + route.railM, accuracy: 1e-6)
        XCTAssertEqual(RailNetwork.length(route.path), route.railM, accuracy: 1e-3 * Double(route.path.count))
        XCTAssertEqual(route.railM / 1000, 727.80, accuracy: 0.01)
        XCTAssertEqual(route.totalM / 1000, 763.01, accuracy: 0.01)
        XCTAssertEqual(route.corridors.first?.id, "corridor-titr")
        XCTAssertEqual(route.corridors.first?.km ?? 0, route.railM / 1000, accuracy: 1e-9)
    }

    /// A deposit and its own coordinates (Upper Kairakty, kz-w-001, at 48.70000, 73.25000 in GeoData) are one
    /// place: refused as such. Before, the answer was a 70.4 km "route" of its 35.2 km access leg out and back.
    func testADepositAndItsOwnPointAreTheSamePlace() throws {
        let catalog = try Catalog.bundled()
        let net = try RailNetwork(catalog: catalog, toleranceM: 100)
        let here = RouteEnd.point(Coordinate(longitude: 73.25, latitude: 48.7))
        for (from, to) in [(RouteEnd.deposit("kz-w-001"), here), (here, .deposit("kz-w-001"))] {
            XCTAssertThrowsError(try net.route(from: from, to: to, catalog: catalog)) { error in
                XCTAssertEqual(error as? RouteError, .samePlace)
            }
        }
    }

    /// `at` and `show`'s nearest gateways west and east are ranked without corridors and then the two routed in
    /// full: each route equals, corridors and all, the full ranking's entry for that gateway, and they are the
    /// nearest west and east of Upper Kairakty's 73.25° E in that ranking (Мамлютка and Шалдуар, README).
    func testNearestGatewaysWestAndEastAreTheFullRankingsRoutes() throws {
        let catalog = try Catalog.bundled()
        let net = try RailNetwork(catalog: catalog, toleranceM: 100)
        let rules = try BorderRules(network: net, catalog: catalog)
        let ranked = try net.gateways(from: .deposit("kz-w-001"), catalog: catalog, rules: rules).filter { $0.route != nil }
        let (west, east) = try net.nearestGatewaysWestAndEast(from: .deposit("kz-w-001"), catalog: catalog, rules: rules)
        let w = try XCTUnwrap(west), e = try XCTUnwrap(east)
        XCTAssertEqual(w.stationId, ranked.first { $0.location.longitude < 73.25 }?.stationId)
        XCTAssertEqual(e.stationId, ranked.first { $0.location.longitude > 73.25 }?.stationId)
        XCTAssertEqual(w.stationId, "osm-3501507424")  // Мамлютка
        XCTAssertEqual(e.stationId, "osm-3729466654")  // Шалдуар
        XCTAssertEqual(w.route, ranked.first { $0.stationId == w.stationId }?.route)
        XCTAssertEqual(e.route, ranked.first { $0.stationId == e.stationId }?.route)
        XCTAssertEqual(e.route?.corridorsChecked, true)
        XCTAssertFalse(e.route?.corridors.isEmpty ?? true)
    }
}
