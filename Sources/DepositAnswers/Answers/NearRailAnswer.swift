import DepositIndex
import Foundation
import Geo

/// The near-rail answer in the CLI's JSON schema: what was asked about, and the lines nearest first.
public struct NearRailAnswer: CommandAnswer {
    public var attributedLayers: Set<Attribution.Layer> { [.rail, .stations] }

    /// Said under a table when the data has no stations layer: the station columns are empty for that
    /// reason, not because no station is near (the distance to rail needs only the rail layer).
    static let noStations = "The data has no stations layer, so no station is named."

    var query: QueryTarget
    var results: [RailDistance]

    init(catalog: Catalog, target: Lookup.Target, k: Int, maxDistance: Double) throws {
        query = QueryTarget(target)
        switch target {
        case .deposit(let d): results = try catalog.nearestRail(to: .deposit(d.id), k: k, maxDistanceM: maxDistance)
        case .point(let c): results = try catalog.nearestRail(to: .point(c), k: k, maxDistanceM: maxDistance)
        }
    }

    public func table(catalog: Catalog) -> String {
        var lines = ["Nearest rail to \(query.label)"]
        if results.isEmpty { return lines[0] + ": no rail line within the limit\n" }
        var t = TextTable([("rail line", .left), ("distance", .right), ("rail point (lat, lon)", .left),
                           ("nearest station", .left), ("station from rail point", .right)])
        let labels = catalog.railLabels()
        for r in results {
            t.add([labels[r.railId] ?? r.railName, Units.distance(r.distanceM), Units.point([r.railPoint.longitude, r.railPoint.latitude]),
                   r.station.map { catalog.stationLabel(id: $0.id, name: $0.name) } ?? "-", r.station.map { Units.distance($0.distanceM) } ?? "-"])
        }
        lines.append(t.text)
        if !catalog.presentLayers.contains(.stations) { lines.append(Self.noStations) }
        if let first = results.first, case .deposit = query.kind {
            lines.append("Measured from the deposit's nearest point \(Units.point([first.fromPoint.longitude, first.fromPoint.latitude])).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func features(catalog: Catalog) -> [Feature] {
        var features = [Feature]()
        if case .deposit(let id) = query.kind, let d = catalog.deposit(id: id) {
            features.append(FeatureBuilder.deposit(d))
        }
        for (i, r) in results.enumerated() {
            if let line = catalog.rail.first(where: { $0.id == r.railId }) { features.append(FeatureBuilder.rail(line)) }
            features.append(Feature(id: "distance-\(i + 1)", properties: [
                "kind": "distance", "rank": .number(Double(i + 1)), "rail_id": .string(r.railId), "rail_name": .string(r.railName),
                "distance_m": .number((r.distanceM * 10).rounded() / 10),
                "station_id": r.station.map { .string($0.id) } ?? .null, "station_name": r.station.map { .string($0.name) } ?? .null,
            ], geometry: .lineString([r.fromPoint, r.railPoint])))
            if let s = r.station, let station = catalog.stations.first(where: { $0.id == s.id }) {
                features.append(FeatureBuilder.station(station))
            }
        }
        if case .point(let c) = query.kind {
            features.insert(Feature(id: "query", properties: ["kind": "query"], geometry: .point(c)), at: 0)
        }
        return features
    }
}
