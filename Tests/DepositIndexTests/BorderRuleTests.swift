import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// The routing rules on hand-built networks: a grid with a known shortest path, the border rule (a short
/// way that dips abroad and comes back), the gauge rule (a change only at a gateway), the status filter
/// (a line under construction used only when included), and the gateways ranking against route by route.
///
/// Expected lengths: along the equator a geodesic spanning Δλ is a·Δλ; along a meridian it is the
/// meridian arc ∫M(φ)dφ (Simpson's rule, as in `RouteTests`); an edge along a parallel is measured by
/// `Geodesic.wgs84.distance` (PROJ's geod_inverse, Karney's algorithm), the library's one measure.
final class BorderRuleTests: XCTestCase {
    private func equator(_ degrees: Double) -> Double { EllipsoidArcs.equator(degrees) }
    private func meridian(_ from: Double, _ to: Double) -> Double { EllipsoidArcs.meridian(from, to) }

    private func p(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }

    private func geod(_ a: (Double, Double), _ b: (Double, Double)) -> Double { Geodesic.wgs84.distance(p(a.0, a.1), p(b.0, b.1)) }

    private func line(_ id: String, _ lonLats: [(Double, Double)], status: String? = nil, countries: [String] = [], gauge: Int? = nil) -> RailLine {
        RailLine(id: id, name: id, status: status, nameLatin: "Line \(id)", countries: countries, gaugeMM: gauge,
                 geometry: .lineString(lonLats.map { p($0.0, $0.1) }))
    }

    private func station(_ id: String, _ lon: Double, _ lat: Double, kind: String = "station", inKazakhstan: Bool = true,
                         across: String? = nil, gaugeAcross: Int? = nil) -> Station {
        var props: JSONObject = ["kind": .string(kind), "in_kazakhstan": .bool(inKazakhstan)]
        if let across { props["country_across"] = .string(across) }
        if let gaugeAcross { props["gauge_across_mm"] = .number(Double(gaugeAcross)) }
        return Station.from(id: id, properties: props, location: p(lon, lat))
    }

    /// "KZ": longitudes −0.1° to 3.1°, latitudes −1° to 0.3°.
    private let kz = CountryOutline(id: "KZ", name: "Kazakhstan", geometry: .polygon([[
        Coordinate(longitude: -0.1, latitude: -1), Coordinate(longitude: 3.1, latitude: -1), Coordinate(longitude: 3.1, latitude: 0.3),
        Coordinate(longitude: -0.1, latitude: 0.3), Coordinate(longitude: -0.1, latitude: -1),
    ]]))

    // MARK: - Grid

    /// Meridians at 0°, 1°, 2° E from the equator to 2° N and parallels at 0°, 1°, 2° N from 0° to 2° E,
    /// every crossing a shared vertex. From (0, 0) to (2° E, 2° N) every monotone path climbs the same
    /// 2° of meridian; it crosses 2° of longitude on some parallels, and a degree of longitude is shortest
    /// on the parallel nearest the pole, so the shortest path climbs the 0° meridian first and then runs
    /// along 2° N: meridian(0, 2) + 2 × geod((0, 2), (1, 2)) = 221,149.5 + 2 × 111,252.1 m.
    func testGridShortestPath() throws {
        var rail = [RailLine]()
        for x in 0...2 { rail.append(line("v\(x)", [(Double(x), 0), (Double(x), 1), (Double(x), 2)])) }
        for y in 0...2 { rail.append(line("h\(y)", [(0, Double(y)), (1, Double(y)), (2, Double(y))])) }
        let catalog = Catalog(deposits: [], rail: rail, stations: [station("s", 0, 0), station("t", 2, 2)])
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        let route = try net.route(from: .station("s"), to: .station("t"), catalog: catalog)
        XCTAssertEqual(route.railM, meridian(0, 2) + 2 * geod((0, 2), (1, 2)), accuracy: 1e-3)
        XCTAssertEqual(route.lineRuns.map(\.railId), ["v0", "h2"])
        XCTAssertEqual(route.lineRuns[0].km * 1000, meridian(0, 2), accuracy: 1e-3)
        XCTAssertFalse(route.bordersChecked)  // no country layer
    }

    // MARK: - Border rule

    /// Inside "KZ": west (0–0.5° E on the equator), east (2.5–3° E) and, when `detour`, a detour south
    /// through 0.8° S. Abroad: "ru" from (0.5, 0) north to 0.5° N, east to 2.5° E, back south; its countries
    /// say KZ, RU. The way through RU is shorter: 2 × 0.5° of meridian against 2 × 0.8°.
    private func borderCatalog(detour: Bool, country: Bool = true) -> Catalog {
        var rail = [line("west", [(0, 0), (0.5, 0)]), line("east", [(2.5, 0), (3, 0)]),
                    line("ru", [(0.5, 0), (0.5, 0.5), (2.5, 0.5), (2.5, 0)], countries: ["KZ", "RU"])]
        if detour { rail.append(line("detour", [(0.5, 0), (0.5, -0.8), (2.5, -0.8), (2.5, 0)])) }
        return Catalog(deposits: [], rail: rail, stations: [station("a", 0.1, 0), station("b", 2.9, 0)], country: country ? kz : nil)
    }

    private var throughRU: Double { equator(0.4) + 2 * meridian(0, 0.5) + geod((0.5, 0.5), (2.5, 0.5)) + equator(0.4) }
    private var throughDetour: Double { equator(0.4) + 2 * meridian(0, 0.8) + geod((0.5, -0.8), (2.5, -0.8)) + equator(0.4) }

    func testARouteStaysInsideRatherThanDipAbroadAndComeBack() throws {
        let catalog = borderCatalog(detour: true)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        XCTAssertLessThan(throughRU, throughDetour)
        let route = try net.route(from: .station("a"), to: .station("b"), catalog: catalog)
        XCTAssertEqual(route.railM, throughDetour, accuracy: 1e-3)
        XCTAssertEqual(route.lineRuns.map(\.railId), ["west", "detour", "east"])
        XCTAssertTrue(route.bordersChecked)
        // With RU named as a transit country, the shorter way through it.
        let transit = try net.route(from: .station("a"), to: .station("b"), catalog: catalog, transit: ["ru"])
        XCTAssertEqual(transit.railM, throughRU, accuracy: 1e-3)
        XCTAssertEqual(transit.transit, ["RU"])
        // Without a country layer no border is known: the shorter way, and the answer says so.
        let unchecked = borderCatalog(detour: true, country: false)
        let free = try RailNetwork(catalog: unchecked, toleranceM: 10).route(from: .station("a"), to: .station("b"), catalog: unchecked)
        XCTAssertEqual(free.railM, throughRU, accuracy: 1e-3)
        XCTAssertFalse(free.bordersChecked)
    }

    /// Without the detour the only way dips abroad: refused, naming where it leaves and comes back; routed
    /// with --transit RU.
    func testAKazakhLineBrokenIsRefusedNotRoutedAbroad() throws {
        let catalog = borderCatalog(detour: false)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        XCTAssertThrowsError(try net.route(from: .station("a"), to: .station("b"), catalog: catalog)) { error in
            guard case RouteError.leavesCountry(let out, let back, let line, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(line, "ru")
            XCTAssertEqual(out, p(0.5, 0))
            XCTAssertEqual(back, p(2.5, 0))
        }
        let transit = try net.route(from: .station("a"), to: .station("b"), catalog: catalog, transit: ["RU"])
        XCTAssertEqual(transit.railM, throughRU, accuracy: 1e-3)
        XCTAssertThrowsError(try BorderRules(network: net, catalog: catalog, transit: ["RUS"]))
    }

    /// The network report lists the broken fixture's two inside pieces as a border detour: "west" (0–0.5° E)
    /// and "east" (2.5–3° E) join only through RU. Each piece holds 0.5° of equator (split at its station);
    /// whichever is taken as the main piece, the gap between their frontier nodes (0.5, 0) and
    /// (2.5, 0) is 2° of equator. With the detour inside, nothing is listed.
    func testTheNetworkReportListsBorderDetours() throws {
        let broken = borderCatalog(detour: false)
        let net = try RailNetwork(catalog: broken, toleranceM: 10)
        let report = NetworkReport(network: net, rules: try BorderRules(network: net, catalog: broken))
        XCTAssertTrue(report.bordersChecked)
        XCTAssertEqual(report.borderDetours.count, 1)
        XCTAssertEqual(report.borderDetours[0].gapM, equator(2), accuracy: 1e-3)
        XCTAssertEqual(Set([report.borderDetours[0].from, report.borderDetours[0].to]), [p(0.5, 0), p(2.5, 0)])
        let whole = borderCatalog(detour: true)
        let inside = try RailNetwork(catalog: whole, toleranceM: 10)
        XCTAssertEqual(NetworkReport(network: inside, rules: try BorderRules(network: inside, catalog: whole)).borderDetours, [])
        XCTAssertFalse(NetworkReport(network: inside).bordersChecked)
    }

    /// A route may end abroad by crossing once: from inside to a station at (0.5°E, 0.5°N) in RU.
    func testARouteMayEndAbroad() throws {
        var rail = [line("west", [(0, 0), (0.5, 0)]), line("ru", [(0.5, 0), (0.5, 0.5), (1.5, 0.5)], countries: ["KZ", "RU"])]
        rail.append(line("east", [(0.5, 0), (1, 0)]))
        let catalog = Catalog(deposits: [], rail: rail, stations: [station("a", 0.1, 0), station("far", 1.5, 0.5, inKazakhstan: false)], country: kz)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        let route = try net.route(from: .station("a"), to: .station("far"), catalog: catalog)
        XCTAssertEqual(route.railM, equator(0.4) + meridian(0, 0.5) + geod((0.5, 0.5), (1.5, 0.5)), accuracy: 1e-3)
        let rules = try BorderRules(network: net, catalog: catalog)
        XCTAssertEqual(rules.countryLabel(ofNode: net.node(ofStation: "far")!), "RU")
        XCTAssertEqual(rules.countryLabel(ofNode: net.node(ofStation: "a")!), "KZ")
    }

    // MARK: - Border rule on the partial edges at a route's ends

    /// One edge, "dip", from (0, 0) to (3° E, 0) that leaves "KZ" between 1° and 2° E by way of 0.5° N (its
    /// line says KZ, RU), and, when `detour`, a line inside from (0, 0) south through 0.8° S to (3° E, 0).
    /// Places on the dipping edge at 0.9° and 2.1° E enter it partway: the part from either to the far node
    /// dips abroad, as does the piece between them.
    private func partialCatalog(detour: Bool) -> Catalog {
        var rail = [line("dip", [(0, 0), (1, 0), (1, 0.5), (2, 0.5), (2, 0), (3, 0)], countries: ["KZ", "RU"])]
        if detour { rail.append(line("detour", [(0, 0), (0, -0.8), (3, -0.8), (3, 0)])) }
        return Catalog(deposits: [], rail: rail, stations: [station("b", 3, 0)], country: kz)
    }

    /// Expected: back along the equator 0.9° to (0, 0), the detour (0.8° of meridian twice and the parallel at
    /// 0.8° S by `geod`), and 0.9° of equator from (3° E, 0) back to 2.1° E; to station b, without that last
    /// 0.9°. The way over the dipping edge is shorter (0.1° of equator at each end, 0.5° of meridian twice and
    /// the parallel at 0.5° N) and was taken before the partial edges were tested: a route between two places
    /// inside Kazakhstan that left it and came back.
    func testThePartialEdgesAtARoutesEndsKeepTheBorderRule() throws {
        let catalog = partialCatalog(detour: true)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        let detour = 2 * meridian(0, 0.8) + geod((0, -0.8), (3, -0.8))
        let abroad = 2 * equator(0.1) + 2 * meridian(0, 0.5) + geod((1, 0.5), (2, 0.5))
        XCTAssertLessThan(abroad, 2 * equator(0.9) + detour)
        let a = RouteEnd.point(p(0.9, 0)), b = RouteEnd.point(p(2.1, 0))
        let between = try net.route(from: a, to: b, catalog: catalog)
        XCTAssertEqual(between.railM, 2 * equator(0.9) + detour, accuracy: 1e-3)
        XCTAssertEqual(between.lineRuns.map(\.railId), ["dip", "detour", "dip"])
        let reverse = try net.route(from: b, to: a, catalog: catalog)
        XCTAssertEqual(reverse.railM, between.railM, accuracy: 1e-3)
        let toStation = try net.route(from: a, to: .station("b"), catalog: catalog)
        XCTAssertEqual(toStation.railM, equator(0.9) + detour, accuracy: 1e-3)
        let fromStation = try net.route(from: .station("b"), to: a, catalog: catalog)
        XCTAssertEqual(fromStation.railM, equator(0.9) + detour, accuracy: 1e-3)
        // With RU a transit country, the way over the dipping edge.
        let transit = try net.route(from: a, to: b, catalog: catalog, transit: ["RU"])
        XCTAssertEqual(transit.railM, abroad, accuracy: 1e-3)
        let transitToStation = try net.route(from: a, to: .station("b"), catalog: catalog, transit: ["RU"])
        XCTAssertEqual(transitToStation.railM, abroad - equator(0.1) + equator(1), accuracy: 1e-3)
        // The batch form reads the deposit's end the same way: b as a port, a deposit at 0.9° E.
        let ported = Catalog(deposits: [Deposit(id: "d", name: "D", geometry: .point(p(0.9, 0)))],
                             rail: catalog.rail, stations: [station("b", 3, 0, kind: "port")], country: kz)
        let portNet = try RailNetwork(catalog: ported, toleranceM: 10)
        let all = try portNet.gatewayDistances(catalog: ported, rules: BorderRules(network: portNet, catalog: ported))
        XCTAssertEqual(all[0].gateways[0].railM!, equator(0.9) + detour, accuracy: 1e-3)
        let ranked = try portNet.gateways(from: .deposit("d"), catalog: ported, rules: BorderRules(network: portNet, catalog: ported))
        XCTAssertEqual(ranked[0].route!.railM, equator(0.9) + detour, accuracy: 1e-3)
    }

    /// Without the detour the only way between the two places dips abroad: refused as leaving the country along
    /// the dipping line, not as two components (they are one).
    func testAPartialEdgeThatOnlyDipsAbroadIsRefusedAsLeaving() throws {
        let catalog = partialCatalog(detour: false)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        for (from, to) in [(RouteEnd.point(p(0.9, 0)), RouteEnd.point(p(2.1, 0))), (.point(p(0.9, 0)), .station("b"))] {
            XCTAssertThrowsError(try net.route(from: from, to: to, catalog: catalog)) { error in
                guard case RouteError.leavesCountry(_, _, let line, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(line, "dip")
            }
        }
    }

    /// `gatewayDistances` said nothing about a deposit it could not place (no location): its gateways came back
    /// without distances, as if unreachable by rail. Now it says why; a placed deposit has no such note.
    func testEveryDepositSaysWhyADepositHasNoDistances() throws {
        let catalog = Catalog(deposits: [Deposit(id: "nowhere", name: "Nowhere", geometry: nil),
                                         Deposit(id: "here", name: "Here", geometry: .point(p(0.9, 0)))],
                              rail: partialCatalog(detour: true).rail, stations: [station("b", 3, 0, kind: "port")], country: kz)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        let all = try net.gatewayDistances(catalog: catalog, rules: BorderRules(network: net, catalog: catalog))
        XCTAssertEqual(all.map(\.depositId), ["nowhere", "here"])
        XCTAssertEqual(all[0].unreachable, "the deposit has no published location")
        XCTAssertNil(all[0].gateways[0].totalM)
        XCTAssertNil(all[1].unreachable)
        XCTAssertNotNil(all[1].gateways[0].totalM)
    }

    // MARK: - Gauge

    /// 1,520 mm from 0° to 1° E, 1,435 mm from 1° to 2° E on the equator. The change at 1° E is allowed
    /// only when a gateway is attached there.
    private func gaugeCatalog(gatewayAtChange: Bool) -> Catalog {
        let rail = [line("wide", [(0, 0), (1, 0)], gauge: 1520), line("std", [(1, 0), (2, 0)], gauge: 1435)]
        let change = gatewayAtChange
            ? station("gw", 1, 0.0001, kind: "border_crossing", across: "CN", gaugeAcross: 1435)
            : station("gw", 1, 0.0001)
        return Catalog(deposits: [], rail: rail, stations: [change, station("a", 0.2, 0), station("b", 1.8, 0)])
    }

    func testGaugeChangesOnlyAtAGateway() throws {
        let open = gaugeCatalog(gatewayAtChange: true)
        let net = try RailNetwork(catalog: open, toleranceM: 10)
        let route = try net.route(from: .station("a"), to: .station("b"), catalog: open)
        XCTAssertEqual(route.railM, equator(1.6), accuracy: 1e-3)
        XCTAssertEqual(route.lineRuns.map(\.gaugeMM), [1520, 1435])
        let closed = gaugeCatalog(gatewayAtChange: false)
        let plain = try RailNetwork(catalog: closed, toleranceM: 10)
        XCTAssertThrowsError(try plain.route(from: .station("a"), to: .station("b"), catalog: closed)) { error in
            XCTAssertEqual(error as? RouteError, .gaugeChange(at: p(1, 0)))
        }
    }

    /// Arriving on 1,520 mm at a gateway whose far side is 1,435 mm: a break of gauge, said in the answer.
    func testGatewayAtTheEndReportsTheBreakOfGauge() throws {
        let catalog = gaugeCatalog(gatewayAtChange: true)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        let route = try net.route(from: .station("a"), to: .station("gw"), catalog: catalog)
        XCTAssertEqual(route.railM, equator(0.8), accuracy: 1e-3)
        XCTAssertEqual(route.gateway, Route.GatewayEnd(id: "gw", name: "gw", kind: "border_crossing", countryAcross: "CN",
                                                       gaugeAcrossMM: 1435, gaugeBreak: true))
        XCTAssertEqual(route.gaugeUnknownM, 0)
        // From the gateway: the same gateway, the same break.
        let back = try net.route(from: .station("gw"), to: .station("a"), catalog: catalog)
        XCTAssertEqual(back.gateway, route.gateway)
    }

    // MARK: - Status

    /// Operating: from (0, 0) north to 0.5° N, east along it to 2° E, south to (2, 0). Under construction:
    /// straight along the equator, 2° of it, shorter. Only with `include` does the route take it; the
    /// near-rail engine never measures to it.
    func testALineUnderConstructionIsUsedOnlyWhenIncluded() throws {
        let rail = [line("op", [(0, 0), (0, 0.5), (2, 0.5), (2, 0)], status: "operating"),
                    line("uc", [(0, 0), (2, 0)], status: "under_construction")]
        let catalog = Catalog(deposits: [], rail: rail, stations: [station("a", 0, -0.0001), station("b", 2, -0.0001)])
        let operating = try RailNetwork(catalog: catalog, toleranceM: 10)
        let route = try operating.route(from: .station("a"), to: .station("b"), catalog: catalog)
        XCTAssertEqual(route.railM, 2 * meridian(0, 0.5) + geod((0, 0.5), (2, 0.5)), accuracy: 1e-3)
        XCTAssertEqual(route.include, ["operating"])
        XCTAssertEqual(route.lineStatuses, ["operating"])
        let more = try RailNetwork(catalog: catalog, toleranceM: 10, include: LineStatuses(parsing: ["under_construction"]))
        let shorter = try more.route(from: .station("a"), to: .station("b"), catalog: catalog)
        XCTAssertEqual(shorter.railM, equator(2), accuracy: 1e-3)
        XCTAssertEqual(shorter.include, ["operating", "under_construction"])
        XCTAssertEqual(shorter.lineStatuses, ["under_construction"])
        // The engine measures to operating lines only: from (1° E, 0.01° S) the u/c line is 1.1 km away,
        // the operating one 56.4 km (meridian arc from 0.01° S to 0.5° N).
        let near = try catalog.nearestRail(to: .point(p(1, -0.01)))
        XCTAssertEqual(near.first?.railId, "op")
        XCTAssertThrowsError(try LineStatuses(parsing: ["building"]))
        XCTAssertEqual(try LineStatuses(parsing: ["planned,under_construction"]).names, ["operating", "under_construction", "planned"])
    }

    // MARK: - Gateways

    /// The gateways ranked from one search equal the routes one by one, and `gatewayDistances` (one search
    /// from each gateway) equals them deposit by deposit, on a random network with random deposits.
    func testGatewaysRankingAndEveryDepositEqualRouteByRoute() throws {
        var rng = SeededRandom(seed: 12)
        var rail = [RailLine]()
        // A 4 × 4 grid of 0.5° cells with a few random diagonals, all in "KZ" (0–1.5° E, −0.75–0.75°).
        for i in 0...3 {
            let v = Double(i) * 0.5
            rail.append(line("v\(i)", [(v, -0.75), (v, -0.25), (v, 0.25), (v, 0.75)]))
            rail.append(line("h\(i)", [(0, v - 0.75), (0.5, v - 0.75), (1, v - 0.75), (1.5, v - 0.75)]))
        }
        for k in 0..<4 {
            let x = Double(Int.random(in: 0...2, using: &rng)) * 0.5, y = Double(Int.random(in: 0...2, using: &rng)) * 0.5 - 0.75
            rail.append(line("d\(k)", [(x, y), (x + 0.5, y + 0.5)]))
        }
        let outline = CountryOutline(id: "KZ", name: "Kazakhstan", geometry: .polygon([[
            p(-1, -1), p(2, -1), p(2, 1), p(-1, 1), p(-1, -1)]]))
        let gateways = [station("g1", 0, -0.75, kind: "port"), station("g2", 1.5, 0.75, kind: "border_crossing"),
                        station("g3", 1.5, -0.75, kind: "border_crossing"), station("far", 0, 0.75, kind: "border_crossing", inKazakhstan: false)]
        let deposits = (0..<12).map { i in
            Deposit(id: "d\(i)", name: "D\(i)", geometry: .point(p(Double.random(in: 0...1.5, using: &rng), Double.random(in: -0.75...0.75, using: &rng))))
        }
        let catalog = Catalog(deposits: deposits, rail: rail, stations: gateways, country: outline)
        let net = try RailNetwork(catalog: catalog, toleranceM: 10)
        let rules = try BorderRules(network: net, catalog: catalog)
        let all = try net.gatewayDistances(catalog: catalog, rules: rules)
        XCTAssertEqual(all.count, 12)
        for d in deposits {
            let ranked = try net.gateways(from: .deposit(d.id), catalog: catalog, rules: rules)
            XCTAssertEqual(ranked.map(\.stationId).sorted(), ["g1", "g2", "g3"])  // "far" is not a gateway
            let totals = ranked.map { $0.route!.totalM }
            XCTAssertEqual(totals, totals.sorted())
            for g in ranked {
                let one = try net.route(from: .deposit(d.id), to: .station(g.stationId), catalog: catalog, rules: rules)
                XCTAssertEqual(g.route!.totalM, one.totalM, accuracy: 1e-6)
                let batch = all.first { $0.depositId == d.id }!.gateways.first { $0.id == g.stationId }!
                XCTAssertEqual(batch.totalM!, one.totalM, accuracy: 1e-3, "\(d.id) → \(g.stationId)")
                XCTAssertEqual(batch.accessM!, one.from.accessM, accuracy: 1e-6)
            }
            XCTAssertEqual(all.first { $0.depositId == d.id }!.gateways.map(\.id), ranked.map(\.stationId))
        }
    }
}
