import DepositIndex
import Foundation
import Geo

/// The corridor answer in the CLI's JSON schema.
public struct CorridorAnswer: CommandAnswer {
    struct CorridorInfo: Encodable {
        var id: String
        var name: String
        var width_km: Double
    }

    var corridor: CorridorInfo
    var deposits: [CorridorDeposit]

    init(_ overlap: CorridorOverlap) {
        corridor = CorridorInfo(id: overlap.corridorId, name: overlap.corridorName, width_km: overlap.widthKm)
        deposits = overlap.deposits
    }

    public var attributedLayers: Set<Attribution.Layer> { [.corridors, .deposits] }

    public func table(catalog: Catalog) -> String {
        var out = "Deposits within \(TerminalText.escaped("\(corridor.name) (\(corridor.id))")), \(JSONWriter.format(corridor.width_km)) km wide: \(deposits.count)\n"
        guard !deposits.isEmpty else { return out }
        var t = TextTable([("deposit", .left), ("id", .left), ("from centre line", .right), ("overlap", .right), ("share", .right)])
        for d in deposits {
            t.add([d.name, d.id, Units.distance(d.distanceM), Units.area(d.overlapKm2), Units.share(d.share)])
        }
        out += t.text + "\n"
        return out
    }

    /// The deposits, the centre line, and the corridor's outline near each deposit (built in a plane
    /// centred on that deposit, as the overlap was measured).
    public func features(catalog: Catalog) throws -> [Feature] {
        guard let c = catalog.corridors.first(where: { $0.id == corridor.id }) else { return [] }
        var features = [FeatureBuilder.corridor(c)]
        for d in deposits {
            guard let deposit = catalog.deposit(id: d.id) else { continue }
            features.append(FeatureBuilder.deposit(deposit, extra: [
                "distance_m": .number((d.distanceM * 10).rounded() / 10),
                "overlap_km2": .number((d.overlapKm2 * 1e6).rounded() / 1e6),
                "share": .number((d.share * 1e6).rounded() / 1e6),
            ]))
            if let outline = try catalog.corridorOutline(corridor: c.id, near: d.id, widthKm: corridor.width_km) {
                features.append(Feature(id: "\(c.id)-near-\(d.id)", properties: [
                    "kind": "corridor_outline", "corridor_id": .string(c.id), "deposit_id": .string(d.id),
                    "width_km": .number(corridor.width_km),
                ], geometry: outline))
            }
        }
        return features
    }
}
