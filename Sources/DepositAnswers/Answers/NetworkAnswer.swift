import DepositIndex
import Foundation
import Geo

/// The network report in every format; JSON is `NetworkReport` as it is.
public struct NetworkAnswer: CommandAnswer {
    public var attributedLayers: Set<Attribution.Layer> { [.rail, .stations] }
    /// Rows of the long lists shown in a table without `--full`.
    static let shortList = 10

    let network: RailNetwork
    let report: NetworkReport
    let full: Bool

    init(network: RailNetwork, report: NetworkReport, full: Bool) {
        self.network = network
        self.report = report
        self.full = full
    }

    public func encode(to encoder: Encoder) throws { try report.encode(to: encoder) }

    private func point(_ c: Coordinate) -> String { Units.point([c.longitude, c.latitude]) }

    public func table(catalog: Catalog) -> String {
        var out = [String]()
        let r = report
        out.append("Rail network, line ends joined within \(Units.distance(r.toleranceM)): \(r.components.count) components, "
                   + "\(Units.distance(r.trackM)) of track, \(r.nodes) nodes, \(r.edges) edges")
        out.append("")
        var components = TextTable([("component", .right), ("track", .right), ("nodes", .right), ("lines", .right),
                                    ("dead ends", .right), ("nearest other component", .left), ("break", .right)])
        for c in r.components {
            let gap = c.nearestBreak.flatMap { d in d.nearestOtherEnd.map { (d, $0) } }
            components.add(["\(c.number)", Units.distance(c.trackM), "\(c.nodes)", "\(c.lines)", "\(c.deadEnds)",
                            gap.map { "\($0.1.component): \(point($0.0.location)) to \(point($0.1.location))" } ?? "-",
                            gap.map { Units.distance($0.1.distanceM) } ?? "-"])
        }
        out.append(components.text)
        out.append("")
        out.append("Gaps bridged (within \(Units.distance(r.toleranceM))): \(r.bridges.count)")
        if !r.bridges.isEmpty {
            var bridges = TextTable([("from", .left), ("to", .left), ("length", .right), ("lines", .left)])
            for b in r.bridges.sorted(by: { $0.lengthM > $1.lengthM }) {
                bridges.add([point(b.from), point(b.to), Units.distance(b.lengthM), "\(b.fromRailId) – \(b.toRailId)"])
            }
            out.append(bridges.text)
        }
        out.append("")
        let ends = r.deadEnds.sorted { ($0.nearestOtherEnd?.distanceM ?? .infinity) < ($1.nearestOtherEnd?.distanceM ?? .infinity) }
        out.append("Dead ends: \(ends.count)" + (full || ends.count <= Self.shortList ? "" : ", the \(Self.shortList) nearest another component:"))
        if !ends.isEmpty {
            var table = TextTable([("at", .left), ("line", .left), ("component", .right), ("nearest other component's end", .left), ("distance", .right)])
            for d in full ? ends : Array(ends.prefix(Self.shortList)) {
                table.add([point(d.location), d.railId, "\(d.component)",
                           d.nearestOtherEnd.map { "\($0.component): \(point($0.location))" } ?? "-",
                           d.nearestOtherEnd.map { Units.distance($0.distanceM) } ?? "-"])
            }
            out.append(table.text)
        }
        out.append("")
        let far = r.stationsBeyondTolerance
        out.append("Stations attached: \(r.stationsAttached); farther than \(Units.distance(r.toleranceM)) from any line: \(far.count)"
                   + (full || far.count <= Self.shortList ? "" : ", the \(Self.shortList) farthest:"))
        if !far.isEmpty {
            var table = TextTable([("station", .left), ("id", .left), ("from rail", .right), ("rail point", .left), ("line", .left)])
            for s in full ? far : Array(far.prefix(Self.shortList)) {
                table.add([s.stationName, s.stationId, Units.distance(s.offsetM), point(s.railPoint), s.railId])
            }
            out.append(table.text)
        }
        out.append("")
        if !r.bordersChecked {
            out.append("Border detours: not checked (the data has no country layer).")
        } else {
            out.append("Border detours (places inside Kazakhstan the rail joins only through abroad): \(r.borderDetours.count)")
            if !r.borderDetours.isEmpty {
                var table = TextTable([("component", .right), ("piece nodes", .right), ("piece track", .right), ("from", .left),
                                       ("to the main piece at", .left), ("gap", .right), ("lines", .left)])
                for d in r.borderDetours {
                    table.add(["\(d.component)", "\(d.nodes)", Units.distance(d.trackM), point(d.from), point(d.to),
                               Units.distance(d.gapM), "\(d.fromRailId) – \(d.toRailId)"])
                }
                out.append(table.text)
            }
        }
        if !full && (ends.count > Self.shortList || far.count > Self.shortList) { out.append("(--full lists them all in the table; --format json always does)") }
        return out.joined(separator: "\n") + "\n"
    }

    public func features(catalog: Catalog) -> [Feature] {
        var lines = [[[Coordinate]]](repeating: [], count: network.componentCount)
        for e in network.edges where e.kind == .track { lines[network.nodes[e.from].component].append(e.path) }
        var out = report.components.map { c in
            Feature(id: "component-\(c.number)", properties: [
                "kind": "component", "component": .number(Double(c.number)), "track_m": .number(c.trackM),
                "nodes": .number(Double(c.nodes)), "dead_ends": .number(Double(c.deadEnds)),
            ], geometry: .multiLineString(lines[c.number]))
        }
        for b in report.bridges {
            out.append(Feature(id: nil, properties: [
                "kind": "bridge", "length_m": .number(b.lengthM), "from_rail_id": .string(b.fromRailId),
                "to_rail_id": .string(b.toRailId), "component": .number(Double(b.component)),
            ], geometry: .lineString([b.from, b.to])))
        }
        for d in report.deadEnds {
            var p: JSONObject = ["kind": "dead_end", "rail_id": .string(d.railId), "component": .number(Double(d.component))]
            if let o = d.nearestOtherEnd {
                p["nearest_other_component"] = .number(Double(o.component))
                p["nearest_other_end_m"] = .number(o.distanceM)
            }
            out.append(Feature(id: nil, properties: p, geometry: .point(d.location)))
        }
        for d in report.borderDetours {
            out.append(Feature(id: nil, properties: [
                "kind": "border_detour", "component": .number(Double(d.component)), "gap_m": .number((d.gapM * 10).rounded() / 10),
                "from_rail_id": .string(d.fromRailId), "to_rail_id": .string(d.toRailId),
            ], geometry: .lineString([d.from, d.to])))
        }
        for c in report.components {
            guard let d = c.nearestBreak, let o = d.nearestOtherEnd else { continue }
            out.append(Feature(id: nil, properties: [
                "kind": "break", "component": .number(Double(c.number)), "other_component": .number(Double(o.component)),
                "distance_m": .number(o.distanceM),
            ], geometry: .lineString([d.location, o.location])))
        }
        return out
    }
}
