import DepositIndex
import Foundation
import Geo

public struct ShowAnswer: CommandAnswer {
    public var attributedLayers: Set<Attribution.Layer> { [.deposits, .regions, .rail, .corridors] }

    var deposit: DepositRecord
    var regions: [RegionShare]?
    var nearest_rail: RailDistance?
    var corridors: [CorridorMembership]?
    /// The nearest gateway west and east by rail; nil with `--without rail` or `--without stations`, or unlocated.
    var nearest_gateways: NearestGateways?
    /// The layers left out with `--without`.
    var without: [String]
    private let omissions: LayerOmissions

    private enum CodingKeys: String, CodingKey {
        case deposit, regions, nearest_rail, corridors, nearest_gateways, without
    }

    init(catalog: Catalog, deposit d: Deposit, omissions: LayerOmissions, network: RailNetwork? = nil) throws {
        deposit = DepositRecord(d)
        self.omissions = omissions
        without = omissions.layers.map(\.rawValue)
        guard d.geometry != nil else { return }
        regions = try omissions.answer(.regions) { try catalog.regionShares(of: d.id).regions }
        nearest_rail = try omissions.answer(.rail) { try catalog.nearestRail(to: .deposit(d.id)).first } ?? nil
        corridors = try omissions.answer(.corridors) { try catalog.corridors(touching: d.id) }
        nearest_gateways = try NearestGateways.find(catalog: catalog, place: .deposit(d.id), omissions: omissions, network: network)
    }

    /// The deposit itself, and its nearest gateways west and east with their distances, for a map.
    public func features(catalog: Catalog) -> [Feature] {
        (catalog.deposit(id: deposit.id).map { [FeatureBuilder.deposit($0)] } ?? []) + (nearest_gateways?.features() ?? [])
    }

    public func table(catalog: Catalog) -> String {
        var rows: [(String, String)] = [
            ("id", deposit.id), ("name", deposit.name),
            ("aliases", deposit.aliases.joined(separator: ", ")),
            ("commodities", deposit.commodities.joined(separator: ", ")),
            ("status", deposit.status ?? "-"),
        ]
        if deposit.located {
            rows.append(("footprint", "\(deposit.footprint ?? "-"), \(deposit.area_km2.map(Units.area) ?? "-")"))
            if let p = deposit.location_precision_m { rows.append(("location precision", Units.distance(p))) }
            if omissions.omits(.regions) { rows.append(("region", LayerOmissions.omitted(.regions))) }
            if omissions.omits(.rail) { rows.append(("nearest rail", LayerOmissions.omitted(.rail))) }
            if omissions.omits(.corridors) { rows.append(("corridors", LayerOmissions.omitted(.corridors))) }
            if let regions { rows.append(("region", regions.map { "\($0.name) (\($0.id)) \(Units.share($0.share))" }.joined(separator: "; "))) }
            if let r = nearest_rail {
                var text = "\(catalog.railLabels()[r.railId] ?? r.railName), \(Units.distance(r.distanceM))"
                if !catalog.presentLayers.contains(.stations) { text += " (the data has no stations layer)" }
                if let s = r.station { text += "; station \(catalog.stationLabel(id: s.id, name: s.name)) \(Units.distance(s.distanceM)) from that point" }
                rows.append(("nearest rail", text))
            }
            if omissions.omits(.stations) { rows.append(("gateways", LayerOmissions.omitted(.stations))) }
            rows += nearest_gateways?.rows(catalog: catalog) ?? []
            if let corridors {
                rows.append(("corridors", corridors.isEmpty ? "none" : corridors.map { "\($0.corridorName) (\(Units.share($0.share)))" }.joined(separator: "; ")))
            }
        } else {
            rows.append(("location", "not published (no geometry)"))
        }
        rows.append(("source", deposit.source ?? "-"))
        let width = rows.map(\.0.count).max() ?? 0
        // Values from the data are escaped (`TerminalText`): each row stays one line, whatever a name holds.
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + TerminalText.escaped($0.1) }.joined(separator: "\n") + "\n"
    }
}
