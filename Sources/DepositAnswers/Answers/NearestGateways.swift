import DepositIndex
import Geo

/// The nearest gateway west and east of a place by rail, for `at` and `show`: west and east are the
/// gateway's longitude less or greater than the place's. Over operating lines, at the default tolerance,
/// under the border and gauge rules (`route`). JSON: `west` and `east` (each a `GatewaySummary`, or null
/// where none is reached), and `note` when they could not be asked (no stations layer, no gateways).
public struct NearestGateways: Encodable {
    var west: GatewaySummary?
    var east: GatewaySummary?
    var note: String?

    /// Nil when `--without rail` leaves them out (the network is the rail layer). `built`, when given, is the
    /// catalog's network at the default tolerance over operating lines.
    static func find(catalog: Catalog, place: RouteEnd, omissions: LayerOmissions, network built: RailNetwork? = nil) throws -> NearestGateways? {
        if omissions.omits(.rail) || omissions.omits(.stations) { return nil }
        guard catalog.presentLayers.contains(.stations) else { return NearestGateways(note: "the data has no stations layer") }
        guard try !RailNetwork.gateways(of: catalog).isEmpty else { return NearestGateways(note: "the data has no gateways (ports or border crossings in Kazakhstan)") }
        let network = try built ?? RailNetwork(catalog: catalog, toleranceM: NetworkSettings.defaultToleranceM)
        // `--without corridors` leaves the routes' corridors out whether or not the catalog holds the layer (a
        // server's catalog holds every layer), so the CLI and the server answer alike.
        let found = try network.nearestGatewaysWestAndEast(from: place, catalog: catalog, rules: BorderRules(network: network, catalog: catalog),
                                                           corridors: !omissions.omits(.corridors))
        return NearestGateways(west: found.west.map(GatewaySummary.init), east: found.east.map(GatewaySummary.init),
                               note: found.west == nil && found.east == nil ? "no gateway is reached by rail from here" : nil)
    }

    /// Table rows: `gateway west` and `gateway east`.
    func rows(catalog: Catalog) -> [(String, String)] {
        if let note, west == nil, east == nil { return [("gateways", note)] }
        func text(_ g: GatewaySummary?) -> String {
            guard let g, let total = g.totalM, let rail = g.railM, let access = g.accessM else { return "none reached by rail" }
            var t = "\(catalog.stationLabel(id: g.id, name: g.name)) (\(g.kind == "port" ? "port" : "border crossing")"
            if let c = g.countryAcross { t += " to \(c)" }
            t += "), \(Units.distance(total)): \(Units.distance(rail)) by rail + \(Units.distance(access)) access"
            if g.gaugeBreak == true { t += "; break of gauge" }
            return t
        }
        return [("gateway west", text(west)), ("gateway east", text(east))]
    }

    /// The two gateways as points with their distances.
    func features() -> [Feature] {
        [west, east].compactMap { $0 }.map { g in
            var p = g.properties
            p["side"] = .string(g.id == west?.id ? "west" : "east")
            return Feature(id: "gateway-\(g.id)", properties: p, geometry: .point(g.location))
        }
    }
}
