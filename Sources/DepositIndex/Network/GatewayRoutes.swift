import Geo

/// A gateway (`Gateway`) and the route to it from one place, or why there is none.
public struct GatewayRoute: Sendable {
    /// The gateway station's id, name and place.
    public var stationId: String
    public var name: String
    public var location: Coordinate
    /// What kind of gateway it is, the country and gauge across.
    public var gateway: Gateway
    /// The route from the place, nil when it cannot be reached.
    public var route: Route?
    /// Why it cannot be reached (a break between components, a path only through abroad), nil when routed.
    public var unreachable: String?
}

extension RailNetwork {
    /// The catalog's gateways: stations that are ports or border crossings in Kazakhstan, in catalog order.
    /// - Throws: `QueryError.missingLayer` when the data has no stations layer.
    public static func gateways(of catalog: Catalog) throws -> [Station] {
        try catalog.requireLayers(.stations)
        return catalog.stations.filter { $0.gateway != nil }
    }

    /// Every gateway ranked by rail distance (total, access legs included) from `place`, by one search from
    /// the place (one-to-all); those that cannot be reached come last, by id, each saying why.
    ///
    ///     let catalog = try Catalog.bundled()
    ///     let network = try RailNetwork(catalog: catalog, toleranceM: 100)
    ///     let ranked = try network.gateways(from: .deposit("kz-w-001"), catalog: catalog, rules: BorderRules(network: network, catalog: catalog))
    ///     ranked[0].name             // "Шалдуар", the crossing into Kyrgyzstan
    ///     ranked[0].route!.totalM    // 858,485.73 m: 35,212.27 m of access, then 823,273.46 m of rail
    ///     ranked.first { $0.stationId == "osm-4025083258" }!.route!.totalM   // Dostıq, into China: 1,056,829.48 m
    ///
    /// - Parameter corridors: false to leave each route's corridors out (see `routes(from:to:catalog:rules:corridors:)`).
    /// - Throws: `QueryError.missingLayer` without a stations layer; what makes the place unusable.
    public func gateways(from place: RouteEnd, catalog: Catalog, rules: BorderRules, corridors: Bool = true) throws -> [GatewayRoute] {
        let stations = try Self.gateways(of: catalog)
        let results = try routes(from: place, to: stations.map { .station($0.id) }, catalog: catalog, rules: rules, corridors: corridors)
        var reached = [GatewayRoute](), not = [GatewayRoute]()
        for (s, result) in zip(stations, results) {
            var g = GatewayRoute(stationId: s.id, name: s.name, location: s.location, gateway: s.gateway!, route: nil, unreachable: nil)
            switch result {
            case .success(let r): g.route = r; reached.append(g)
            case .failure(let e): g.unreachable = "\(e)"; not.append(g)
            }
        }
        reached.sort { ($0.route!.totalM, $0.stationId) < ($1.route!.totalM, $1.stationId) }
        return reached + not.sorted { $0.stationId < $1.stationId }
    }

    /// The nearest gateway by rail west of the place (gateway longitude less than the place's) and the
    /// nearest east of it (greater), from `gateways(from:catalog:rules:)`; either is nil where none is reached.
    /// - Parameter corridors: false to leave the two routes' corridors out (`Route.corridorsChecked` false), as
    ///   when the data has no corridors layer; for a caller whose catalog has one but whose question leaves it out.
    public func nearestGatewaysWestAndEast(from place: RouteEnd, catalog: Catalog, rules: BorderRules, corridors: Bool = true)
        throws -> (west: GatewayRoute?, east: GatewayRoute?)
    {
        // Ranked without corridors (their vertex tests are most of the cost), then the two chosen routed in full.
        let ranked = try gateways(from: place, catalog: catalog, rules: rules, corridors: false).filter { $0.route != nil }
        guard let first = ranked.first else { return (nil, nil) }
        let longitude = first.route!.from.from.longitude
        var west = ranked.first { $0.location.longitude < longitude }, east = ranked.first { $0.location.longitude > longitude }
        let chosen = [west, east].compactMap { $0 }
        let full = try routes(from: place, to: chosen.map { .station($0.stationId) }, catalog: catalog, rules: rules, corridors: corridors)
        for (g, r) in zip(chosen, full) {
            if g.stationId == west?.stationId { west?.route = try r.get() }
            if g.stationId == east?.stationId { east?.route = try r.get() }
        }
        return (west, east)
    }
}
