import DepositIndex
import Geo

/// Catalog entities as GeoJSON features for map viewers, with a `kind` property first so one style
/// rule can tell deposits from rail lines in a mixed answer.
public enum FeatureBuilder {
    static func deposit(_ d: Deposit, extra: JSONObject = JSONObject()) -> Feature {
        var p: JSONObject = ["kind": "deposit", "name": .string(d.name)]
        p["commodities"] = .array(d.commodities.map { .string($0) })
        if let status = d.status { p["status"] = .string(status) }
        for m in extra.members { p[m.key] = m.value }
        return Feature(id: d.id, properties: p, geometry: d.geometry)
    }

    static func rail(_ r: RailLine) -> Feature {
        var p: JSONObject = ["kind": "rail", "name": .string(r.name)]
        if let status = r.status { p["status"] = .string(status) }
        if let s = r.geometrySource { p["geometry_source"] = .string(s) }
        return Feature(id: r.id, properties: p, geometry: r.geometry)
    }

    static func station(_ s: Station) -> Feature {
        var p: JSONObject = ["kind": "station", "name": .string(s.name)]
        if let k = s.kind { p["station_kind"] = .string(k) }
        return Feature(id: s.id, properties: p, geometry: .point(s.location))
    }

    static func corridor(_ c: Corridor) -> Feature {
        Feature(id: c.id, properties: ["kind": "corridor", "name": .string(c.name), "width_km": .number(c.widthKm)], geometry: c.geometry)
    }

    static func region(_ r: Region, extra: JSONObject = JSONObject()) -> Feature {
        var p: JSONObject = ["kind": "region", "name": .string(r.name)]
        if let kk = r.nameKk { p["name_kk"] = .string(kk) }
        if let ru = r.nameRu { p["name_ru"] = .string(ru) }
        for m in extra.members { p[m.key] = m.value }
        return Feature(id: r.id, properties: p, geometry: r.geometry)
    }
}
