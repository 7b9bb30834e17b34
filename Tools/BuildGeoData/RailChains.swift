import DepositIndex
import Geo

/// Lines missing from Natural Earth, drawn as geodesics through the OSM stations along them in order
/// (`sources/rail_chains.csv`, `sources/rail_chain_stations.csv`).
enum RailChains {
    /// Densifying each geodesic keeps it a geodesic for readers that join vertices with straight lines in degrees.
    static let maxVertexSpacing = 2_000.0

    static func lines(chains: CSVTable, stations: CSVTable, directory: StationDirectory) throws -> [RailLine] {
        var bySlug = [String: [OSMStation]]()
        for row in stations.rows {
            let slug = try stations.value("slug", in: row)
            let s = try directory.station(try stations.value("osm_node_id", in: row), expectedName: try stations.value("osm_name", in: row),
                                          context: "\(stations.name) line \(row.line)")
            bySlug[slug, default: []].append(s)
        }
        var lines = [RailLine]()
        for row in chains.rows {
            let slug = try chains.value("slug", in: row)
            guard let via = bySlug.removeValue(forKey: slug), via.count >= 2 else {
                throw BuildError("\(chains.name) line \(row.line): chain \(slug) needs at least two stations in \(stations.name)")
            }
            let status = try chains.value("status", in: row)
            guard RailLine.statuses.contains(status) else {
                throw BuildError("\(chains.name) line \(row.line): unknown status \(status) (one of \(RailLine.statuses.joined(separator: ", ")))")
            }
            var line = RailLine(id: "rail-chain-\(slug)", lines: [geodesicChain(through: via)], status: status, geometrySource: "station_chain",
                                source: try chains.value("source", in: row), accuracy: try chains.value("accuracy", in: row))
            line.name = try chains.value("name", in: row)
            line.viaStations = via.map(\.featureID)
            let opened = try chains.value("opened_or_due", in: row)
            line.openedOrDue = opened.isEmpty ? nil : opened
            lines.append(line)
        }
        if let orphan = bySlug.keys.sorted().first { throw BuildError("\(stations.name): stations for unknown chain \(orphan)") }
        return lines
    }

    /// Geodesics from station to station in order, each densified to `maxVertexSpacing`.
    static func geodesicChain(through via: [OSMStation]) -> [Coordinate] {
        var coordinates = [via[0].coordinate]
        for (a, b) in zip(via, via.dropFirst()) {
            coordinates += Geodesic.wgs84.line(from: a.coordinate, to: b.coordinate, maxSpacing: maxVertexSpacing).dropFirst()
        }
        return coordinates
    }
}
