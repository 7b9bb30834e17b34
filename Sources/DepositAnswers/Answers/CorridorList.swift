import DepositIndex
import Foundation
import Geo

/// `deposits corridor` alone: every corridor with its width and geodesic length (JSON: a list of rows).
public struct CorridorList: CommandAnswer {
    let corridors: [Corridor]
    public var attributedLayers: Set<Attribution.Layer> { [.corridors] }

    private struct Row: Encodable { var id: String; var name: String; var width_km: Double; var length_km: Double }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(corridors.map {
            Row(id: $0.id, name: $0.name, width_km: $0.widthKm, length_km: Geodesic.wgs84.length(of: $0.geometry) / 1000)
        })
    }

    public func table(catalog: Catalog) -> String {
        var t = TextTable([("id", .left), ("name", .left), ("width", .right), ("length", .right)])
        for c in corridors {
            t.add([c.id, c.name, String(format: "%.0f km", c.widthKm), Units.distance(Geodesic.wgs84.length(of: c.geometry))])
        }
        return t.text + "\n"
    }

    public func features(catalog: Catalog) -> [Feature] { corridors.map(FeatureBuilder.corridor) }
}
