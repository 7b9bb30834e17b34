import DepositIndex
import Geo

/// The rail layer: Natural Earth lines named from their end stations, then the station chains.
enum RailLayer {
    /// How far a line end may be from a station for the line to be named after it.
    static let endStationRadius = 10_000.0

    /// A country's share of a line under this is left out of `countries`: the geoKZ outline and Natural
    /// Earth 1:50m differ by up to about a kilometre along the border, so a line running beside the border
    /// picks up slivers of the neighbour that it does not enter. A line's largest share is kept whatever
    /// its length.
    static let countryMinimum = 1_000.0
    /// Countries whose railways are standard gauge (1,435 mm); every other country of the box (Kazakhstan,
    /// Russia, Central Asia, the Caucasus, Mongolia) runs 1,520 mm track.
    static let standardGauge: Set<String> = ["CN", "IR", "TR"]

    static func features(_ lines: [RailLine], stations: [OSMStation], names: StationNames, countries locator: LineCountries) throws
        -> (features: [Feature], countries: [String: [(code: String, metres: Double)]])
    {
        let index = PointIndex(stations.map(\.coordinate))
        var countriesOf = [String: [(code: String, metres: Double)]]()
        let features = try lines.map { line in
            let (a, b) = line.ends
            let from = index.nearest(to: a, within: endStationRadius).map { stations[$0.index] }
            let to = index.nearest(to: b, within: endStationRadius).map { stations[$0.index] }
            let name = line.name ?? RailLayer.name(from: from, a, to: to, b)
            let latin = try line.name.map { given -> String in
                guard Transliteration.isLatin(given) else { throw BuildError("\(line.id): the given name \(given) is not in Latin script") }
                return given
            } ?? RailLayer.name(from: from, a, to: to, b, label: { names.latinName(of: $0) })
            let lengths = try locator.lengths(of: line.lines)
            var countries = [(code: String, metres: Double)]()
            for (code, metres) in lengths { if let code { countries.append((code, metres)) } }
            countries.sort { $0.metres != $1.metres ? $0.metres > $1.metres : $0.code < $1.code }
            // The largest share stays however short the line.
            countries = countries.enumerated().filter { $0.offset == 0 || $0.element.metres >= countryMinimum }.map(\.element)
            countriesOf[line.id] = countries
            let gauge: JSONValue = countries.first.map { .number(standardGauge.contains($0.code) ? 1435 : 1520) } ?? .null
            let ne = line.naturalEarth
            let properties: JSONObject = [
                "name": .string(name),
                "name_latin": .string(latin),
                "status": .string(line.status),
                "opened_or_due": line.openedOrDue.map { .string($0) } ?? .null,
                "countries": .array(countries.map { .string($0.code) }),
                "gauge_mm": gauge,
                "geometry_source": .string(line.geometrySource),
                "source": .string(line.source),
                "accuracy": .string(line.accuracy),
                "from_station": from.map { .string($0.featureID) } ?? .null,
                "to_station": to.map { .string($0.featureID) } ?? .null,
                "length_km": .number(Rounding.places(Geodesic.wgs84.length(of: line.shape) / 1000, 1)),
                "length_published_km": line.publishedLengthKm.map { .number($0) } ?? .null,
                "rwdb_rr_id": ne.map { .number(Double($0.rwdbID)) } ?? .null,
                "mult_track": ne?.multTrack.map { .number(Double($0)) } ?? .null,
                "electric": ne?.electric.map { .number(Double($0)) } ?? .null,
                "via_stations": line.viaStations.isEmpty ? .null : .array(line.viaStations.map { .string($0) }),
                "note": line.note.map { .string($0) } ?? .null,
            ]
            return Feature(id: line.id, properties: properties, geometry: line.shape)
        }
        return (features, countriesOf)
    }

    /// "A – B" from the stations at the ends; an end with no station near it, or whose `label` is nil, is
    /// given by its coordinates.
    static func name(from: OSMStation?, _ a: Coordinate, to: OSMStation?, _ b: Coordinate,
                     label stationLabel: (OSMStation) -> String? = { $0.name }) -> String {
        func label(_ s: OSMStation?, _ c: Coordinate) -> String {
            s.flatMap(stationLabel) ?? "line end \(coordinateText(c))"
        }
        if let from, let to, from.nodeID == to.nodeID { return "\(label(from, a)) (loop or spur)" }
        return "\(label(from, a)) – \(label(to, b))"
    }

    static func coordinateText(_ c: Coordinate) -> String {
        let lat = Rounding.places(abs(c.latitude), 3), lon = Rounding.places(abs(c.longitude), 3)
        return "\(lat)°\(c.latitude >= 0 ? "N" : "S") \(lon)°\(c.longitude >= 0 ? "E" : "W")"
    }
}
