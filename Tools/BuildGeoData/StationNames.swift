import DepositIndex
import Geo

/// Other spellings of a station's name, from the GeoNames place it is named after.
///
/// OSM names many Kazakh stations in Kazakh or Russian only, and some after a settlement's new name
/// (the station of Zharyk is "Сәкен Сейфуллин"). Where a GeoNames place within `reach` lists the
/// station's name among its own names, that place's names in Latin and Cyrillic become the station's
/// aliases, so "Zharyk station" can be asked for. Nothing is guessed: a station without such a place
/// keeps its OSM name alone.
struct StationNames {
    static let reach = 5_000.0

    private let places: [(id: String, name: String, location: Coordinate, names: [String], keys: Set<String>)]

    init(geonames: CSVTable) throws {
        places = try geonames.rows.map { row in
            let id = try geonames.value("geonameid", in: row)
            let name = try geonames.value("name", in: row)
            guard let lat = Double(try geonames.value("lat", in: row)), let lon = Double(try geonames.value("lon", in: row)) else {
                throw BuildError("\(geonames.name) line \(row.line): lat/lon are not numbers")
            }
            let alternates = try geonames.value("alternatenames", in: row).split(separator: "|").map(String.init)
            // Latin and Cyrillic spellings only: the aliases are for people typing in those scripts.
            let names = ([name] + alternates).filter { $0.unicodeScalars.allSatisfy { $0.value < 0x0530 || $0 == "’" || $0 == "ʼ" } }
            return (id, name, Coordinate(longitude: lon, latitude: lat), names, Set(names.map(NameKey.key)))
        }
    }

    /// The station's name in Latin script: the OSM name when it is Latin, else the OSM local name when that
    /// is, else the Latin name of the GeoNames place it is named after (GeoNames' own name, or its first
    /// Latin alternate), else the OSM name transliterated (`Transliteration`); nil when none of these is
    /// Latin (a name in Chinese script, say, with no GeoNames place).
    func latinName(of station: OSMStation) -> String? {
        if Transliteration.isLatin(station.name) { return station.name }
        if let local = station.nameLocal, Transliteration.isLatin(local) { return local }
        if let place = place(for: station.name, at: station.coordinate) {
            if let name = ([place.name] + place.names).first(where: { Transliteration.isLatin($0) }) { return name }
        }
        let transliterated = Transliteration.latin(station.name)
        return Transliteration.isLatin(transliterated) ? transliterated : nil
    }

    /// The GeoNames place within `reach` that lists `stationName` among its names, nearest first.
    private func place(for stationName: String, at location: Coordinate) -> (id: String, name: String, location: Coordinate, names: [String], keys: Set<String>)? {
        let key = NameKey.key(stationName)
        guard !key.isEmpty else { return nil }
        let matches = places.filter { $0.keys.contains(key) && Geodesic.wgs84.distance($0.location, location) <= Self.reach }
        return matches.min(by: { Geodesic.wgs84.distance($0.location, location) < Geodesic.wgs84.distance($1.location, location) })
    }

    /// The aliases and the GeoNames id they come from, or nil.
    func aliases(for stationName: String, at location: Coordinate) -> (aliases: [String], geonamesID: String)? {
        let key = NameKey.key(stationName)
        guard !key.isEmpty else { return nil }
        let matches = places.filter { $0.keys.contains(key) && Geodesic.wgs84.distance($0.location, location) <= Self.reach }
        guard let place = matches.min(by: { Geodesic.wgs84.distance($0.location, location) < Geodesic.wgs84.distance($1.location, location) }) else {
            return nil
        }
        var seen = Set([key])
        var aliases = [String]()
        for n in place.names where seen.insert(NameKey.key(n)).inserted { aliases.append(n) }
        return aliases.isEmpty ? nil : (aliases, place.id)
    }
}
