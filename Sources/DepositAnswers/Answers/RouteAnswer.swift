import DepositIndex
import Foundation
import Geo

/// A route in every format. JSON: `from` and `to` (what was named, `access_m`, `rail_point`, `rail_id`),
/// `access_m` (both access legs), `rail_m`, `total_m`, `lines` (the line statuses routed over),
/// `line_statuses_used` (those of the lines the path runs on), `line_runs`, `gauge_unknown_m`, `borders_checked`, `transit`, `via`, `corridors`
/// (`id`, `name`, `km`), `corridors_checked` (false without a corridors layer), `gateway` (at a gateway end), `path`, `tolerance_m`.
public struct RouteAnswer: CommandAnswer {
    public var attributedLayers: Set<Attribution.Layer> { [.rail, .stations, .corridors] }

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

    public func encode(to encoder: Encoder) throws {
        try Body(from: end(from, route.from), to: end(to, route.to), accessM: route.from.accessM + route.to.accessM,
                 railM: route.railM, totalM: route.totalM, lines: route.include, lineStatusesUsed: route.lineStatuses,
                 lineRuns: route.lineRuns, gaugeUnknownM: route.gaugeUnknownM, bordersChecked: route.bordersChecked,
                 transit: route.transit, via: route.via, corridors: route.corridors, corridorsChecked: route.corridorsChecked,
                 gateway: route.gateway, path: route.path,
                 toleranceM: toleranceM).encode(to: encoder)
    }

    private func point(_ c: Coordinate) -> String { Units.point([c.longitude, c.latitude]) }

    public func table(catalog: Catalog) -> String {
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

    public func features(catalog: Catalog) -> [Feature] {
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
