import DepositIndex
import Foundation
import Geo

/// Everything about one point, in the CLI's JSON schema.
public struct AtAnswer: CommandAnswer {
    public var attributedLayers: Set<Attribution.Layer> { [.regions, .rail, .stations, .corridors, .deposits] }

    var point: Coordinate
    /// Nil when not asked (`--without regions`); an empty list when the point is outside every region.
    var regions: [RegionShare]?
    var nearest_rail: RailDistance?
    var nearest_station: StationDistance?
    var corridors: [CorridorMembership]?
    var radius_m: Double
    var deposits_within: [DepositDistance]
    /// The nearest gateway west and east by rail; nil with `--without rail` or `--without stations`.
    var nearest_gateways: NearestGateways?
    /// The layers left out with `--without`.
    var without: [String]
    private let omissions: LayerOmissions

    private enum CodingKeys: String, CodingKey {
        case point, regions, nearest_rail, nearest_station, corridors, radius_m, deposits_within, nearest_gateways, without
    }

    init(catalog: Catalog, point: Coordinate, radius: Double, omissions: LayerOmissions, network: RailNetwork? = nil) throws {
        self.point = point
        self.omissions = omissions
        regions = try omissions.answer(.regions) { try catalog.regions(containing: point) }
        nearest_rail = try omissions.answer(.rail) { try catalog.nearestRail(to: .point(point)).first } ?? nil
        nearest_station = try omissions.answer(.stations) { try catalog.nearestStations(to: .point(point)).first } ?? nil
        corridors = try omissions.answer(.corridors) { try catalog.corridors(containing: point) }
        radius_m = radius
        deposits_within = try catalog.deposits(near: point, within: radius)
        nearest_gateways = try NearestGateways.find(catalog: catalog, place: .point(point), omissions: omissions, network: network)
        without = omissions.layers.map(\.rawValue)
    }

    /// The answer for a terminal; names from the data are escaped (`TerminalText`) so each stays on its line.
    public func table(catalog: Catalog) -> String {
        var out = "At \(Units.point([point.longitude, point.latitude]))\n"
        let regionText = regions.map { regions in
            regions.isEmpty ? "none (outside the data's regions)" : regions.map { "\($0.name) (\($0.id))" + ($0.onBoundary ? ", on the border" : "") }.joined(separator: "; ")
        } ?? LayerOmissions.omitted(.regions)
        out += "  region:           \(TerminalText.escaped(regionText))\n"
        if omissions.omits(.rail) { out += "  nearest rail:     \(LayerOmissions.omitted(.rail))\n" }
        if let r = nearest_rail {
            out += "  nearest rail:     \(TerminalText.escaped(catalog.railLabels()[r.railId] ?? r.railName)), \(Units.distance(r.distanceM)) (at \(Units.point([r.railPoint.longitude, r.railPoint.latitude])))\n"
        }
        if omissions.omits(.stations) { out += "  nearest station:  \(LayerOmissions.omitted(.stations))\n" }
        if let s = nearest_station { out += "  nearest station:  \(TerminalText.escaped(catalog.stationLabel(id: s.id, name: s.name))), \(Units.distance(s.distanceM))\n" }
        let corridorText = corridors.map { corridors in
            corridors.isEmpty ? "none" : corridors.map { "\($0.corridorName) (\(Units.distance($0.distanceM)) from its centre line)" }.joined(separator: "; ")
        } ?? LayerOmissions.omitted(.corridors)
        out += "  in corridors:     \(TerminalText.escaped(corridorText))\n"
        if omissions.omits(.rail) || omissions.omits(.stations) {
            out += "  gateways:         \(LayerOmissions.omitted(omissions.omits(.rail) ? .rail : .stations))\n"
        }
        for (label, text) in nearest_gateways?.rows(catalog: catalog) ?? [] {
            out += "  \((label + ":").padding(toLength: 17, withPad: " ", startingAt: 0)) \(TerminalText.escaped(text))\n"
        }
        out += "  deposits within \(Units.distance(radius_m)): \(deposits_within.count)\n"
        if !deposits_within.isEmpty {
            var t = TextTable([("deposit", .left), ("id", .left), ("distance", .right)])
            for d in deposits_within { t.add([d.name, d.id, Units.distance(d.distanceM)]) }
            out += t.text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    public func features(catalog: Catalog) -> [Feature] {
        var features = [Feature(id: "query", properties: ["kind": "query"], geometry: .point(point))]
        for r in regions ?? [] {
            if let region = catalog.regions.first(where: { $0.id == r.id }) { features.append(FeatureBuilder.region(region)) }
        }
        if let r = nearest_rail {
            if let line = catalog.rail.first(where: { $0.id == r.railId }) { features.append(FeatureBuilder.rail(line)) }
            features.append(Feature(id: "distance-1", properties: [
                "kind": "distance", "rail_id": .string(r.railId), "rail_name": .string(r.railName),
                "distance_m": .number((r.distanceM * 10).rounded() / 10),
            ], geometry: .lineString([r.fromPoint, r.railPoint])))
        }
        if let s = nearest_station, let station = catalog.stations.first(where: { $0.id == s.id }) {
            features.append(FeatureBuilder.station(station))
        }
        features += nearest_gateways?.features() ?? []
        for d in deposits_within {
            if let deposit = catalog.deposit(id: d.id) {
                features.append(FeatureBuilder.deposit(deposit, extra: ["distance_m": .number((d.distanceM * 10).rounded() / 10)]))
            }
        }
        return features
    }
}
