import DepositIndex
import Foundation
import Geo

/// `gateways PLACE`. JSON: `from` (what was named), `lines` (the line statuses routed over), `transit`, `borders_checked`, `tolerance_m`,
/// and `gateways`, nearest first: `id`, `name`, `kind`, `country_across`, `country_across_name`, `sea`,
/// `gauge_across_mm`, `location`, `reachable`, `access_m`, `rail_m`, `total_m`, `line_statuses_used`, `via_count`,
/// `corridors` (left out without a corridors layer, and `corridors_checked` false), `gauge_break`, `gauge_unknown_m`,
/// or `unreachable` (why).
public struct GatewaysAnswer: CommandAnswer {
    public var attributedLayers: Set<Attribution.Layer> { [.rail, .stations, .corridors] }

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

    public func encode(to encoder: Encoder) throws {
        try Body(from: Place(kind: from.kind, id: from.id, name: from.name), lines: include, transit: transit,
                 bordersChecked: bordersChecked, corridorsChecked: corridorsChecked, toleranceM: toleranceM,
                 gateways: gateways.map(GatewaySummary.init)).encode(to: encoder)
    }

    public func table(catalog: Catalog) -> String {
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
    public func features(catalog: Catalog) -> [Feature] {
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
