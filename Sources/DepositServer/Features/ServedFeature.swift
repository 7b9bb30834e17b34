import DepositIndex
import Geo

/// One feature of a collection as the server hands it out: its id, its properties as the data holds
/// them, and its geometry as RFC 7946 export writes it (geodesic edges densified to at most 10 km,
/// cut at the antimeridian), already written as JSON text so that a page of items is only joined.
struct ServedFeature: Sendable {
    let id: String
    let properties: JSONObject
    /// The geometry as served (densified, cut at ±180°); nil where the location is not public.
    let geometry: Shape?
    /// `{"type":"Feature","id":…,"properties":…,"geometry":…}` at the collection's precision.
    let json: String

    init(id: String, properties: JSONObject, geometry: Shape?, decimals: Int) throws {
        self.id = id
        self.properties = properties
        let served = try geometry?.preparedForRFC7946()
        self.geometry = served
        var out = "{\"type\":\"Feature\",\"id\":"
        out += JSONWriter().string(.string(id))
        out += ",\"properties\":"
        JSONWriter().write(.object(properties), into: &out)
        out += ",\"geometry\":"
        JSONWriter(decimals: decimals).write(served.map(GeoJSONGeometry.encode) ?? .null, into: &out)
        out += "}"
        json = out
    }

    /// The boxes of the served geometry's parts (each part of a geometry cut at the antimeridian has its
    /// own box, so a feature crossing it is not indexed as spanning the whole globe).
    var partBoxes: [Envelope] {
        guard let geometry else { return [] }
        return Self.parts(of: geometry).compactMap { Envelope(covering: $0.coordinates) }
    }

    static func parts(of shape: Shape) -> [Shape] {
        switch shape {
        case .multiPoint(let cs): return cs.map { .point($0) }
        case .multiLineString(let ls): return ls.map { .lineString($0) }
        case .multiPolygon(let ps): return ps.map { .polygon($0) }
        case .geometryCollection(let parts): return parts.flatMap(parts(of:))
        default: return [shape]
        }
    }
}
