import DepositAnswers
import DepositIndex
import Foundation
import Geo

/// The base a map page draws under an answer: the catalog's own country outline, regions and rail
/// lines (no tiles, no network), simplified for drawing (`DisplaySimplifier`) and then, like every
/// GeoJSON we write, densified along the geodesic and cut at the antimeridian. Features carry `kind`
/// `base_country`, `base_region` or `base_rail` and the few properties a popup shows.
public struct MapBase: Sendable {
    /// How far, metres, a dropped vertex may lie from the line drawn: 300 m, a pixel or two at the
    /// zoom that shows a whole region, invisible at the country's.
    public static let toleranceM = 300.0
    /// Coordinates to 4 decimals (11 m or less), plenty for lines simplified at 300 m.
    public static let decimals = 4

    /// The base layers as one FeatureCollection's features.
    public let features: [Feature]

    /// The layers the catalog holds of the three; a layer the data lacks is simply not drawn.
    public init(catalog: Catalog, toleranceM: Double = MapBase.toleranceM) throws {
        let simplifier = DisplaySimplifier(toleranceM: toleranceM)
        var out = [Feature]()
        if let c = catalog.country {
            out.append(Feature(id: c.id, properties: ["kind": "base_country", "name": .string(c.name)], geometry: simplifier.simplified(c.geometry)))
        }
        if catalog.presentLayers.contains(.regions) {
            for r in catalog.regions {
                var p: JSONObject = ["kind": "base_region", "id": .string(r.id), "name": .string(r.name)]
                if let kk = r.nameKk { p["name_kk"] = .string(kk) }
                if let ru = r.nameRu { p["name_ru"] = .string(ru) }
                out.append(Feature(id: r.id, properties: p, geometry: simplifier.simplified(r.geometry)))
            }
        }
        if catalog.presentLayers.contains(.rail) {
            // One feature per status, without names: 1,800 lines' properties would outweigh the lines
            // themselves. An answer's own rail lines come with their names.
            var byStatus = [String: [[Coordinate]]]()
            for line in catalog.rail {
                let parts: [[Coordinate]]
                switch simplifier.simplified(line.geometry) {
                case .lineString(let cs): parts = [cs]
                case .multiLineString(let ls): parts = ls
                default: parts = []
                }
                byStatus[line.status ?? "operating", default: []] += parts
            }
            for status in byStatus.keys.sorted() {
                out.append(Feature(id: "rail-\(status)", properties: ["kind": "base_rail", "name": .string("Rail lines (\(status.replacingOccurrences(of: "_", with: " ")))"),
                                                                    "status": .string(status)],
                                   geometry: .multiLineString(byStatus[status]!)))
            }
        }
        features = try AnswerText.prepared(out)
    }

    /// The base as GeoJSON text.
    public var geojson: String { GeoJSON.text(of: features, decimals: Self.decimals) }
}
