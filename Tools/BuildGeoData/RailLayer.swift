import DepositIndex
import Geo

/// The rail layer: Natural Earth lines named from their end stations, then the station chains.
enum RailLayer {
    /// How far a line end may be from a station for the line to be named after it.
    static let endStationRadius = 10_000.0

    static func features(_ lines: [RailLine], stations: [OSMStation]) -> [Feature] {
        let index = PointIndex(stations.map(\.coordinate))
        return lines.map { line in
            let (a, b) = line.ends
            let from = index.nearest(to: a, within: endStationRadius).map { stations[$0.index] }
            let to = index.nearest(to: b, within: endStationRadius).map { stations[$0.index] }
            let name = line.name ?? RailLayer.name(from: from, a, to: to, b)
            let ne = line.naturalEarth
            let properties: JSONObject = [
                "name": .string(name),
                "status": .string(line.status),
                "geometry_source": .string(line.geometrySource),
                "source": .string(line.source),
                "accuracy": .string(line.accuracy),
                "from_station": from.map { .string($0.featureID) } ?? .null,
                "to_station": to.map { .string($0.featureID) } ?? .null,
                "length_km": .number(Rounding.places(Geodesic.wgs84.length(of: line.shape) / 1000, 1)),
                "rwdb_rr_id": ne.map { .number(Double($0.rwdbID)) } ?? .null,
                "mult_track": ne?.multTrack.map { .number(Double($0)) } ?? .null,
                "electric": ne?.electric.map { .number(Double($0)) } ?? .null,
                "via_stations": line.viaStations.isEmpty ? .null : .array(line.viaStations.map { .string($0) }),
            ]
            return Feature(id: line.id, properties: properties, geometry: line.shape)
        }
    }

    /// "A – B" from the stations at the ends; an end with no station near it is given by its coordinates.
    static func name(from: OSMStation?, _ a: Coordinate, to: OSMStation?, _ b: Coordinate) -> String {
        func label(_ s: OSMStation?, _ c: Coordinate) -> String {
            s?.name ?? "line end \(coordinateText(c))"
        }
        if let from, let to, from.nodeID == to.nodeID { return "\(from.name) (loop or spur)" }
        return "\(label(from, a)) – \(label(to, b))"
    }

    static func coordinateText(_ c: Coordinate) -> String {
        let lat = Rounding.places(abs(c.latitude), 3), lon = Rounding.places(abs(c.longitude), 3)
        return "\(lat)°\(c.latitude >= 0 ? "N" : "S") \(lon)°\(c.longitude >= 0 ? "E" : "W")"
    }
}
