import ArgumentParser
import DepositIndex
import Foundation
import Geo

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The shortest route along the rail network between two deposits, stations or points.",
        discussion: """
            FROM and TO are each a deposit (id, name or alias), a station (id or name) or coordinates, latitude first \
            and quoted as one argument ("48.683,73.283"; after -- when they begin with -). A deposit or point meets \
            the rail at its exact nearest rail point by a geodesic access leg, off the rail; a station at its own \
            rail point. Places in different network components are refused (65), never routed around the break.
            Routes use operating lines unless --include names more; a route never leaves Kazakhstan and comes back \
            in unless --transit names the countries between (refused, 65, naming where the path leaves), and \
            changes gauge only at a gateway (a port or border crossing).
            """
    )

    @Argument(help: "Where from: a deposit, a station or coordinates.")
    var from: String

    @Argument(help: "Where to: a deposit, a station or coordinates.")
    var to: String

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var border: BorderOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadNetworkCatalog()
            let lookup = Lookup(catalog: catalog)
            let a = try lookup.routeEnd(from), b = try lookup.routeEnd(to)
            let network = try networkOptions.network(of: catalog)
            let route = try network.route(from: a.end, to: b.end, catalog: catalog, rules: border.rules(network, catalog))
            try output.write(RouteAnswer(from: a, to: b, route: route, toleranceM: networkOptions.toleranceM), catalog: catalog, data: data)
        }
    }
}

extension Lookup {
    /// A named end of a route: what the library routes from, and how a reader knows it.
    struct RouteEndName {
        var end: RouteEnd
        var kind: String
        var id: String?
        var name: String
    }

    /// Coordinates, or a deposit or station by id or name; a name matching several (deposits and stations
    /// together) lists them all.
    func routeEnd(_ text: String) throws -> RouteEndName {
        if CoordinateText.looksLikeCoordinates(text) {
            let c = try CoordinateText.parse(text)
            return RouteEndName(end: .point(c), kind: "point", id: nil, name: Units.point([c.longitude, c.latitude]))
        }
        let deposits = catalog.presentLayers.contains(.deposits) ? catalog.deposits(matching: text) : []
        let stations = catalog.presentLayers.contains(.stations) ? catalog.stations(matching: text) : []
        if deposits.count == 1 && stations.isEmpty {
            return RouteEndName(end: .deposit(deposits[0].id), kind: "deposit", id: deposits[0].id, name: deposits[0].name)
        }
        if stations.count == 1 && deposits.isEmpty {
            let s = stations[0]
            return RouteEndName(end: .station(s.id), kind: "station", id: s.id, name: catalog.stationLabel(id: s.id, name: s.name))
        }
        let typed = TerminalText.escaped(text)
        if deposits.isEmpty && stations.isEmpty {
            // The deposit lookup's refusal, with its suggestions, naming stations too.
            // Not a deposit, and the data has no stations to look among: say so, not "not found".
            try catalog.requireLayers(.stations)
            do { _ = try deposit(text) } catch let e as UserFacingError where e.status == .notFound {
                throw UserFacingError(.notFound, e.message.replacingOccurrences(of: "no deposit named", with: "no deposit or station named"))
            }
            throw UserFacingError(.notFound, "no deposit or station named '\(typed)'")
        }
        let labels = deposits.map { "deposit \($0.id)  \($0.name)" }
            + stations.map { "station \($0.id)  \($0.name) at \(Units.point([$0.location.longitude, $0.location.latitude]))" }
        let list = labels.prefix(12).map { "  " + TerminalText.escaped($0) }.joined(separator: "\n")
        throw UserFacingError(.usage, "'\(typed)' matches \(labels.count) places; name one of them by id:\n\(list)")
    }
}

/// A route in every format. JSON: `from` and `to` (what was named, `access_m`, `rail_point`, `rail_id`),
/// `access_m` (both access legs), `rail_m`, `total_m`, `lines` (the line statuses routed over),
/// `line_statuses_used` (those of the lines the path runs on), `line_runs`, `gauge_unknown_m`, `borders_checked`, `transit`, `via`, `corridors`
/// (`id`, `name`, `km`), `corridors_checked` (false without a corridors layer), `gateway` (at a gateway end), `path`, `tolerance_m`.
struct RouteAnswer: CommandAnswer {
    var attributedLayers: Set<Attribution.Layer> { [.rail, .stations, .corridors] }

    let from: Lookup.RouteEndName
    let to: Lookup.RouteEndName
    let route: Route
    let toleranceM: Double

    private struct End: Encodable {
        var kind: String
        var id: String?
        var name: String
        var point: Coordinate
        var accessM: Double
        var railPoint: Coordinate
        var railId: String
    }

    private struct Body: Encodable {
        var from: End
        var to: End
        var accessM: Double
        var railM: Double
        var totalM: Double
        var lines: [String]
        var lineStatusesUsed: [String]
        var lineRuns: [Route.LineRun]
        var gaugeUnknownM: Double
        var bordersChecked: Bool
        var transit: [String]
        var via: [Route.Via]
        var corridors: [Route.CorridorRun]
        var corridorsChecked: Bool
        var gateway: Route.GatewayEnd?
        var path: [Coordinate]
        var toleranceM: Double
    }

    private func end(_ n: Lookup.RouteEndName, _ a: Route.Access) -> End {
        End(kind: n.kind, id: n.id, name: n.name, point: a.from, accessM: a.accessM, railPoint: a.railPoint, railId: a.railId)
    }

    func encode(to encoder: Encoder) throws {
        try Body(from: end(from, route.from), to: end(to, route.to), accessM: route.from.accessM + route.to.accessM,
                 railM: route.railM, totalM: route.totalM, lines: route.include, lineStatusesUsed: route.lineStatuses,
                 lineRuns: route.lineRuns, gaugeUnknownM: route.gaugeUnknownM, bordersChecked: route.bordersChecked,
                 transit: route.transit, via: route.via, corridors: route.corridors, corridorsChecked: route.corridorsChecked,
                 gateway: route.gateway, path: route.path,
                 toleranceM: toleranceM).encode(to: encoder)
    }

    private func point(_ c: Coordinate) -> String { Units.point([c.longitude, c.latitude]) }

    func table(catalog: Catalog) -> String {
        var out = ["Route from \(TerminalText.escaped(from.name)) to \(TerminalText.escaped(to.name)): \(Units.distance(route.totalM))"]
        var legs = TextTable([("leg", .left), ("length", .right), ("from", .left), ("to", .left)])
        legs.add(["access (off rail)", Units.distance(route.from.accessM), point(route.from.from), point(route.from.railPoint)])
        legs.add(["rail", Units.distance(route.railM), point(route.from.railPoint), point(route.to.railPoint)])
        legs.add(["access (off rail)", Units.distance(route.to.accessM), point(route.to.railPoint), point(route.to.from)])
        out.append(legs.text)
        out.append("")
        out.append("Lines routed over: \(route.include.joined(separator: ", ")); run on: \(route.lineStatuses.isEmpty ? "none (no rail between the ends)" : route.lineStatuses.joined(separator: ", "))")
        if !route.lineRuns.isEmpty {
            var lines = TextTable([("line", .left), ("status", .left), ("gauge", .right), ("along", .right)])
            for r in route.lineRuns {
                lines.add([TerminalText.escaped(r.name), r.status, r.gaugeMM.map { "\($0) mm" } ?? "unknown", Units.distance(r.km * 1000)])
            }
            out.append(lines.text)
        }
        if route.gaugeUnknownM > 0 {
            out.append("Gauge unknown (not in the data, not assumed) on \(Units.distance(route.gaugeUnknownM)) of the rail path.")
        }
        out.append(route.bordersChecked
            ? "Borders: checked; the route does not leave Kazakhstan to come back in" + (route.transit.isEmpty ? "" : " except through \(route.transit.joined(separator: ", "))") + "."
            : "Borders: not checked (the data has no country layer).")
        if let g = route.gateway {
            var text = (g.id == to.id ? "Ends" : "Starts") + " at gateway \(TerminalText.escaped(catalog.stationLabel(id: g.id, name: g.name))) (\(g.kind == "port" ? "port" : "border crossing")"
            if let c = g.countryAcross { text += " to \(c)" }
            if let across = g.gaugeAcrossMM { text += ", \(across) mm across" + (g.gaugeBreak ? ": a break of gauge" : "") }
            out.append(text + ").")
        }
        out.append("")
        out.append("Stations and junctions passed: \(route.via.count)")
        if !route.via.isEmpty {
            var via = TextTable([("along rail", .right), ("kind", .left), ("name", .left), ("at", .left)])
            for v in route.via {
                let name = v.stationId.map { catalog.stationLabel(id: $0, name: v.name) } ?? "-"
                via.add([Units.distance(v.fromStartM), v.kind, TerminalText.escaped(name), point(v.location)])
            }
            out.append(via.text)
        }
        out.append("")
        out.append(route.corridorsChecked
            ? "Along corridors (segments with both ends within the corridor's half width):" + (route.corridors.isEmpty ? " none" : "")
            : "Along corridors: not checked (the data has no corridors layer).")
        if !route.corridors.isEmpty {
            var table = TextTable([("corridor", .left), ("id", .left), ("along", .right)])
            for c in route.corridors { table.add([TerminalText.escaped(c.name), c.id, Units.distance(c.km * 1000)]) }
            out.append(table.text)
        }
        out.append("Rail line ends joined within \(Units.distance(toleranceM)).")
        return out.joined(separator: "\n") + "\n"
    }

    func features(catalog: Catalog) -> [Feature] {
        var out = [Feature(id: "route", properties: [
            "kind": "rail", "rail_m": .number(route.railM), "total_m": .number(route.totalM),
            "access_m": .number(route.from.accessM + route.to.accessM),
            "lines": .array(route.include.map(JSONValue.string)), "line_statuses_used": .array(route.lineStatuses.map(JSONValue.string)),
        ], geometry: .lineString(route.path))]
        for (label, n, a) in [("from", from, route.from), ("to", to, route.to)] {
            if n.kind != "station" {
                out.append(Feature(id: "access-\(label)", properties: [
                    "kind": "access", "off_rail": true, "end": .string(label), "access_m": .number(a.accessM),
                ], geometry: .lineString(label == "from" ? [a.from, a.railPoint] : [a.railPoint, a.from])))
            }
            var p: JSONObject = ["kind": .string(n.kind), "end": .string(label), "name": .string(n.name), "access_m": .number(a.accessM)]
            if let id = n.id { p["id"] = .string(id) }
            if let g = route.gateway, n.id == g.id {
                p["gateway"] = .string(g.kind)
                p["rail_m"] = .number(route.railM)
                p["total_m"] = .number(route.totalM)
                if let c = g.countryAcross { p["country_across"] = .string(c) }
                if let across = g.gaugeAcrossMM { p["gauge_across_mm"] = .number(Double(across)) }
                p["gauge_break"] = .bool(g.gaugeBreak)
            }
            out.append(Feature(id: nil, properties: p, geometry: .point(a.from)))
        }
        return out
    }
}
