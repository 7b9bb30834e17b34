import DepositIndex
import Geo

/// Corridors: each route is an ordered list of stations per branch (`sources/corridor_nodes.csv`); its
/// centre line follows the rail layer from station to station (shortest path on `RailGraph`).
enum CorridorLayer {
    /// A node must lie this close to the rail layer to anchor a corridor.
    static let snapRadius = 5_000.0

    static func features(corridors: CSVTable, nodes: CSVTable, rail: [RailLine], directory: StationDirectory, geonames: CSVTable) throws -> [Feature] {
        // Lines under construction or planned carry no traffic yet, so no corridor runs along them.
        let graph = RailGraph(lines: rail.filter(\.isOperating).flatMap(\.lines))
        let places = try geonamesPlaces(geonames)
        var branches = [String: [(branch: String, nodes: [(label: String, coordinate: Coordinate)])]]()
        for row in nodes.rows {
            let slug = try nodes.value("corridor", in: row)
            let branch = try nodes.value("branch", in: row)
            let ref = try nodes.value("node", in: row)
            let context = "\(nodes.name) line \(row.line)"
            let node: (String, Coordinate)
            if ref.hasPrefix("osm:") {
                let s = try directory.station(String(ref.dropFirst(4)), context: context)
                node = (s.featureID, s.coordinate)
            } else if ref.hasPrefix("geonames:"), let c = places[String(ref.dropFirst(9))] {
                node = (ref, c)
            } else {
                throw BuildError("\(context): node \(ref) is neither osm:<node id> nor a geonames:<id> in geonames_cities500_kz.csv")
            }
            var list = branches[slug, default: []]
            if list.last?.branch == branch { list[list.count - 1].nodes.append(node) } else { list.append((branch, [node])) }
            branches[slug] = list
        }
        var features = [Feature]()
        for row in corridors.rows {
            let slug = try corridors.value("slug", in: row)
            guard let routes = branches.removeValue(forKey: slug) else { throw BuildError("\(corridors.name) line \(row.line): no nodes for \(slug)") }
            var lines = [[Coordinate]]()
            var via = [JSONValue]()
            for route in routes {
                var line = [Coordinate]()
                for (a, b) in zip(route.nodes, route.nodes.dropFirst()) {
                    guard let va = graph.vertex(near: a.coordinate, within: snapRadius), let vb = graph.vertex(near: b.coordinate, within: snapRadius) else {
                        throw BuildError("corridor \(slug): \(a.label) or \(b.label) is more than \(Int(snapRadius / 1000)) km from the rail layer")
                    }
                    guard let leg = graph.path(from: va.vertex, to: vb.vertex) else {
                        throw BuildError("corridor \(slug): no rail path from \(a.label) to \(b.label)")
                    }
                    line += line.isEmpty ? leg : Array(leg.dropFirst())
                }
                lines.append(line)
                via.append(.object(["branch": .string(route.branch), "nodes": .array(route.nodes.map { .string($0.label) })]))
            }
            let shape: Shape = lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
            let width = try corridors.value("width_km", in: row)
            guard let widthKm = Double(width), widthKm > 0 else { throw BuildError("\(corridors.name) line \(row.line): width_km \(width) is not a positive number") }
            let properties: JSONObject = [
                "name": .string(try corridors.value("name", in: row)),
                "aliases": .array(try corridors.value("aliases", in: row).split(separator: "|").map { .string(String($0)) }),
                "width_km": .number(widthKm),
                "source": .string(try corridors.value("source", in: row)),
                "geometry_source": "rail_path",
                "accuracy": "centre line follows rail.geojson between the listed stations (shortest path), so it inherits that layer's accuracy: Natural Earth km-level, station chains several km",
                "via": .array(via),
                "length_km": .number(Rounding.places(Geodesic.wgs84.length(of: shape) / 1000, 1)),
            ]
            features.append(Feature(id: "corridor-\(slug)", properties: properties, geometry: shape))
        }
        if let orphan = branches.keys.sorted().first { throw BuildError("\(nodes.name): nodes for unknown corridor \(orphan)") }
        return features
    }

    private static func geonamesPlaces(_ table: CSVTable) throws -> [String: Coordinate] {
        var places = [String: Coordinate]()
        for row in table.rows {
            guard let lat = Double(try table.value("lat", in: row)), let lon = Double(try table.value("lon", in: row)) else {
                throw BuildError("\(table.name) line \(row.line): bad coordinates")
            }
            places[try table.value("geonameid", in: row)] = Coordinate(longitude: lon, latitude: lat)
        }
        return places
    }
}
