import DepositIndex
import Geo

/// Regions and the country outline from geokz, at the source's full precision. The only change is
/// dropping rings whose geodesic area is under 1 m² (the zero-area holes and slivers PROVENANCE lists),
/// and winding rings as RFC 7946 asks.
enum RegionLayer {
    /// Rings smaller than this (m², geodesic) are artefacts of the source, not land.
    static let minimumRingArea = 1.0

    static let source = "geokz 1.0.2 by A. Rodionov (CC BY 4.0), GitHub arodionoff/geokz @ 41c1a00454ec9e01bda031b5074920bd82de02ce; upstream OCHA/UNHCR COD-AB Kazakhstan (CC BY-IGO)"

    /// The 20 regions, sorted by ISO 3166-2 code, and a note per region of what was dropped.
    static func regions(from raw: [Feature]) throws -> (features: [Feature], notes: [String]) {
        var notes = [String]()
        var features = [Feature]()
        for feature in raw {
            let p = feature.properties
            guard let iso = p["ISO_3166_2"]?.stringValue, let shape = feature.geometry else {
                throw BuildError("kaz_adm1_2024: a feature without ISO_3166_2 or geometry")
            }
            let (cleaned, dropped) = try clean(shape, label: iso)
            if dropped > 0 { notes.append("\(iso): dropped \(dropped) ring(s) under 1 m²") }
            let properties: JSONObject = [
                "name": try string(p, "ADM1_EN", iso),
                "name_kk": try string(p, "ADM1_KK", iso),
                "name_ru": try string(p, "ADM1_RU", iso),
                "source": .string(source + ", file kaz_admbnda_adm1_2024"),
                "adm1_pcode": try string(p, "ADM1_PCODE", iso),
                "kato": try string(p, "KATO", iso),
                "area_km2": .number(Rounding.places(Geodesic.wgs84.area(of: cleaned) / 1e6, 1)),
            ]
            features.append(Feature(id: iso, properties: properties, geometry: cleaned))
        }
        guard features.count == 20 else { throw BuildError("kaz_adm1_2024: expected 20 regions, found \(features.count)") }
        return (features.sorted { $0.id! < $1.id! }, notes)
    }

    /// The country outline, id `KZ`.
    static func country(from raw: [Feature]) throws -> (feature: Feature, notes: [String]) {
        guard raw.count == 1, let shape = raw[0].geometry else { throw BuildError("kaz_adm0_2018: expected one feature with a geometry") }
        let (cleaned, dropped) = try clean(shape, label: "KZ")
        let p = raw[0].properties
        let properties: JSONObject = [
            "name": "Kazakhstan",
            "name_kk": try string(p, "ADM0_KK", "KZ"),
            "name_ru": try string(p, "ADM0_RU", "KZ"),
            "source": .string(source + ", file kaz_admbnda_adm0_2018"),
            "area_km2": .number(Rounding.places(Geodesic.wgs84.area(of: cleaned) / 1e6, 1)),
        ]
        let notes = dropped > 0 ? ["KZ: dropped \(dropped) ring(s) under 1 m²"] : []
        return (Feature(id: "KZ", properties: properties, geometry: cleaned), notes)
    }

    /// Drops polygons and holes under the minimum area, rewinds, and checks the result is valid.
    static func clean(_ shape: Shape, label: String) throws -> (Shape, dropped: Int) {
        var dropped = 0
        var polygons = [[[Coordinate]]]()
        for rings in shape.polygons {
            guard let shell = rings.first, abs(Geodesic.wgs84.ringArea(shell).area) >= minimumRingArea else {
                dropped += rings.count
                continue
            }
            let holes = rings.dropFirst().filter { abs(Geodesic.wgs84.ringArea($0).area) >= minimumRingArea }
            dropped += rings.count - 1 - holes.count
            polygons.append([shell] + holes)
        }
        let cleaned: Shape = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
        let wound = cleaned.woundForRFC7946()
        if let problem = try Geometry(wound).validityProblem() {
            throw BuildError("\(label): geometry invalid after cleaning: \(problem)")
        }
        return (wound, dropped)
    }

    private static func string(_ p: JSONObject, _ key: String, _ label: String) throws -> JSONValue {
        guard let s = p[key]?.stringValue else { throw BuildError("\(label): property \(key) missing") }
        return .string(s)
    }
}
