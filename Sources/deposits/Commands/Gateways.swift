import ArgumentParser
import DepositIndex
import Foundation
import Geo

struct Gateways: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every port and border crossing ranked by rail distance from a place, with the route to each.",
        discussion: """
            PLACE is a deposit (id, name or alias), a station or coordinates, as in `route`. Gateways are the ports \
            and border crossings on the Kazakh side (stations of kind port or border_crossing in Kazakhstan). They \
            are ranked by total distance (access leg off the rail plus rail); those the rail cannot reach under the \
            rules (see `route`) come last, each with why. With --all, every deposit's distances to every gateway.
            """
    )

    @Argument(help: "Where from: a deposit, a station or coordinates (none with --all).")
    var place: String?

    @Flag(name: .customLong("all"), help: "Every deposit's distances to every gateway (one search from each gateway, on every core).")
    var all = false

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var border: BorderOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && place != nil { throw ValidationError("give a place or --all, not both") }
        if !all && place == nil { throw ValidationError("give a place (a deposit, station or coordinates), or --all") }
    }

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadNetworkCatalog()
            try catalog.requireLayers([.rail, .stations])
            let network = try networkOptions.network(of: catalog)
            let rules = try border.rules(network, catalog)
            if all {
                let results = try network.gatewayDistances(catalog: catalog, rules: rules)
                try output.write(GatewaysForEveryDeposit(results: results, gateways: try RailNetwork.gateways(of: catalog),
                                                         include: network.include.names, transit: rules.transit,
                                                         bordersChecked: rules.bordersChecked),
                                 catalog: catalog, data: data)
                return
            }
            let from = try Lookup(catalog: catalog).routeEnd(place!)
            let ranked = try network.gateways(from: from.end, catalog: catalog, rules: rules)
            try output.write(GatewaysAnswer(from: from, gateways: ranked, include: network.include.names, transit: rules.transit,
                                            bordersChecked: rules.bordersChecked, corridorsChecked: catalog.presentLayers.contains(.corridors),
                                            toleranceM: networkOptions.toleranceM),
                             catalog: catalog, data: data)
        }
    }
}

/// One gateway in an answer: what it is, and the route summary to it (or why there is none).
struct GatewaySummary: Encodable {
    var id: String
    var name: String
    var kind: String
    var countryAcross: String?
    var countryAcrossName: String?
    var sea: String?
    var gaugeAcrossMM: Int?
    var location: Coordinate
    var reachable: Bool
    var accessM: Double?
    var railM: Double?
    var totalM: Double?
    var lineStatusesUsed: [String]?
    var viaCount: Int?
    var corridors: [Route.CorridorRun]?
    var gaugeBreak: Bool?
    var gaugeUnknownM: Double?
    var unreachable: String?

    init(_ g: GatewayRoute) {
        id = g.stationId; name = g.name; kind = g.gateway.kind.rawValue; countryAcross = g.gateway.countryAcross
        countryAcrossName = g.gateway.countryAcrossName; sea = g.gateway.sea; gaugeAcrossMM = g.gateway.gaugeAcrossMM
        location = g.location; reachable = g.route != nil; unreachable = g.unreachable
        if let r = g.route {
            accessM = r.from.accessM + r.to.accessM; railM = r.railM; totalM = r.totalM; lineStatusesUsed = r.lineStatuses
            viaCount = r.via.count; corridors = r.corridorsChecked ? r.corridors : nil; gaugeBreak = r.gateway?.gaugeBreak ?? false
            gaugeUnknownM = r.gaugeUnknownM
        }
    }

    /// Its properties on a map: everything but the location, which is the point.
    var properties: JSONObject {
        var p: JSONObject = ["kind": "gateway", "id": .string(id), "name": .string(name), "gateway": .string(kind),
                             "reachable": .bool(reachable)]
        if let countryAcross { p["country_across"] = .string(countryAcross) }
        if let gaugeAcrossMM { p["gauge_across_mm"] = .number(Double(gaugeAcrossMM)) }
        if let accessM { p["access_m"] = Units.metres(accessM) }
        if let railM { p["rail_m"] = Units.metres(railM) }
        if let totalM { p["total_m"] = Units.metres(totalM) }
        if let gaugeBreak { p["gauge_break"] = .bool(gaugeBreak) }
        if let unreachable { p["unreachable"] = .string(unreachable) }
        return p
    }
}

/// `gateways PLACE`. JSON: `from` (what was named), `lines` (the line statuses routed over), `transit`, `borders_checked`, `tolerance_m`,
/// and `gateways`, nearest first: `id`, `name`, `kind`, `country_across`, `country_across_name`, `sea`,
/// `gauge_across_mm`, `location`, `reachable`, `access_m`, `rail_m`, `total_m`, `line_statuses_used`, `via_count`,
/// `corridors` (left out without a corridors layer, and `corridors_checked` false), `gauge_break`, `gauge_unknown_m`,
/// or `unreachable` (why).
struct GatewaysAnswer: CommandAnswer {
    var attributedLayers: Set<Attribution.Layer> { [.rail, .stations, .corridors] }

    let from: Lookup.RouteEndName
    let gateways: [GatewayRoute]
    let include: [String]
    let transit: [String]
    let bordersChecked: Bool
    /// False when the data has no corridors layer (the corridors are then not asked, never "none").
    let corridorsChecked: Bool
    let toleranceM: Double

    private struct Place: Encodable {
        var kind: String
        var id: String?
        var name: String
    }

    private struct Body: Encodable {
        var from: Place
        var lines: [String]
        var transit: [String]
        var bordersChecked: Bool
        var corridorsChecked: Bool
        var toleranceM: Double
        var gateways: [GatewaySummary]
    }

    func encode(to encoder: Encoder) throws {
        try Body(from: Place(kind: from.kind, id: from.id, name: from.name), lines: include, transit: transit,
                 bordersChecked: bordersChecked, corridorsChecked: corridorsChecked, toleranceM: toleranceM,
                 gateways: gateways.map(GatewaySummary.init)).encode(to: encoder)
    }

    func table(catalog: Catalog) -> String {
        var out = ["Gateways by rail from \(TerminalText.escaped(from.name)) (lines: \(include.joined(separator: ", "))"
                   + (transit.isEmpty ? "" : "; transit through \(transit.joined(separator: ", "))") + ")"]
        if gateways.isEmpty { out.append("The data has no gateways (ports or border crossings in Kazakhstan)."); return out.joined(separator: "\n") + "\n" }
        var t = TextTable([("#", .right), ("gateway", .left), ("kind", .left), ("across", .left), ("total", .right), ("rail", .right),
                           ("access", .right), ("via", .right), ("gauge", .left), ("corridors", .left)])
        for (i, g) in gateways.enumerated() where g.route != nil {
            let r = g.route!
            let across = g.gateway.countryAcross ?? g.gateway.sea ?? "-"
            let gauge = r.gateway?.gaugeBreak == true ? "break to \(g.gateway.gaugeAcrossMM!) mm" : (g.gateway.gaugeAcrossMM.map { "\($0) mm across" } ?? "-")
            let corridors = r.corridors.map { "\($0.id) \(Units.distance($0.km * 1000))" }.joined(separator: ", ")
            t.add([String(i + 1), TerminalText.escaped(catalog.stationLabel(id: g.stationId, name: g.name)),
                   g.gateway.kind == .port ? "port" : "border crossing", TerminalText.escaped(across), Units.distance(r.totalM),
                   Units.distance(r.railM), Units.distance(r.from.accessM + r.to.accessM), String(r.via.count), gauge,
                   !corridorsChecked ? "not checked" : corridors.isEmpty ? "-" : TerminalText.escaped(corridors)])
        }
        out.append(t.text)
        let unreachable = gateways.filter { $0.route == nil }
        if !unreachable.isEmpty {
            out.append("")
            out.append("Not reachable by rail under the rules:")
            for g in unreachable {
                out.append("  \(TerminalText.escaped(catalog.stationLabel(id: g.stationId, name: g.name))): \(TerminalText.escaped(g.unreachable ?? "-"))")
            }
        }
        if !bordersChecked { out.append("Borders: not checked (the data has no country layer).") }
        out.append("Total = access leg (geodesic, off the rail) + rail; rail line ends joined within \(Units.distance(toleranceM)).")
        return out.joined(separator: "\n") + "\n"
    }

    /// The place, each gateway as a point with its distances, each route as a line (access legs apart, off_rail).
    func features(catalog: Catalog) -> [Feature] {
        var out = [Feature]()
        if let first = gateways.first(where: { $0.route != nil })?.route {
            var p: JSONObject = ["kind": .string(from.kind), "name": .string(from.name)]
            if let id = from.id { p["id"] = .string(id) }
            out.append(Feature(id: "place", properties: p, geometry: .point(first.from.from)))
            if first.from.accessM > 0 {
                out.append(Feature(id: "access", properties: ["kind": "access", "off_rail": true, "access_m": Units.metres(first.from.accessM)],
                                   geometry: .lineString([first.from.from, first.from.railPoint])))
            }
        }
        for g in gateways {
            let summary = GatewaySummary(g)
            out.append(Feature(id: g.stationId, properties: summary.properties, geometry: .point(g.location)))
            if let r = g.route {
                out.append(Feature(id: "route-\(g.stationId)", properties: [
                    "kind": "rail", "gateway_id": .string(g.stationId), "rail_m": Units.metres(r.railM), "total_m": Units.metres(r.totalM),
                    "line_statuses_used": .array(r.lineStatuses.map(JSONValue.string)),
                ], geometry: .lineString(r.path)))
            }
        }
        return out
    }
}

/// `gateways --all`. JSON: `query` (`all_deposits`), `lines` (statuses routed over), `transit`, `borders_checked`, and `results`:
/// for every deposit, `deposit_id`, `deposit_name`, `gateways` (`id`, `name`, `access_m`, `rail_m`,
/// `total_m`; nearest first, unreachable last without distances) and, for a deposit that cannot enter the
/// network at all, `unreachable` (why: no published location).
struct GatewaysForEveryDeposit: CommandAnswer {
    var attributedLayers: Set<Attribution.Layer> { [.rail, .stations, .deposits] }

    let results: [DepositGatewayDistances]
    let gateways: [Station]
    let include: [String]
    let transit: [String]
    let bordersChecked: Bool

    enum CodingKeys: String, CodingKey { case query, lines, transit, bordersChecked = "borders_checked", results }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(["all_deposits": true], forKey: .query)
        try c.encode(include, forKey: .lines)
        try c.encode(transit, forKey: .transit)
        try c.encode(bordersChecked, forKey: .bordersChecked)
        try c.encode(results, forKey: .results)
    }

    func table(catalog: Catalog) -> String {
        var out = ["Total distance (access + rail) from every deposit to every gateway (lines: \(include.joined(separator: ", ")))"]
        var columns: [(String, TextTable.Alignment)] = [("deposit", .left), ("id", .left), ("nearest", .left)]
        columns += gateways.map { (TerminalText.escaped(catalog.stationLabel(id: $0.id, name: $0.name)), .right) }
        var t = TextTable(columns)
        for d in results {
            let byId = Dictionary(d.gateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var row = [TerminalText.escaped(d.depositName), d.depositId, d.gateways.first.flatMap { $0.totalM == nil ? nil : TerminalText.escaped(catalog.stationLabel(id: $0.id, name: $0.name)) } ?? "-"]
            row += gateways.map { g in byId[g.id]?.totalM.map(Units.distance) ?? "-" }
            t.add(row)
        }
        out.append(t.text)
        out.append("- : not reachable by rail under the rules, or the deposit has no location.")
        // Deposits with no distance at all, grouped by why, in result order.
        var reasons = [String](), ids = [String: [String]]()
        for d in results { if let why = d.unreachable { if ids[why] == nil { reasons.append(why) }; ids[why, default: []].append(d.depositId) } }
        for why in reasons {
            out.append("No distances for \(ids[why]!.count) deposit\(ids[why]!.count == 1 ? "" : "s") (\(TerminalText.escaped(why))): "
                       + ids[why]!.joined(separator: ", ") + ".")
        }
        if !bordersChecked { out.append("Borders: not checked (the data has no country layer).") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Every located deposit with its nearest gateway in its properties, and the gateways as points.
    func features(catalog: Catalog) -> [Feature] {
        var out = [Feature]()
        for d in results {
            guard let deposit = catalog.deposit(id: d.depositId), deposit.geometry != nil else { continue }
            var extra: JSONObject = [:]
            if let g = d.gateways.first, let total = g.totalM {
                extra = ["nearest_gateway_id": .string(g.id), "nearest_gateway_name": .string(g.name), "gateway_total_m": Units.metres(total)]
            }
            out.append(FeatureBuilder.deposit(deposit, extra: extra))
        }
        for g in gateways { out.append(FeatureBuilder.station(g)) }
        return out
    }
}
