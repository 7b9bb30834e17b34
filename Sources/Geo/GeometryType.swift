import CGEOS

/// The OGC simple-feature type of a geometry.
public enum GeometryType: String, Sendable, Codable {
    case point = "Point"
    case lineString = "LineString"
    case linearRing = "LinearRing"
    case polygon = "Polygon"
    case multiPoint = "MultiPoint"
    case multiLineString = "MultiLineString"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"

    init?(geosTypeId: Int32) {
        switch geosTypeId {
        case Int32(GEOS_POINT.rawValue): self = .point
        case Int32(GEOS_LINESTRING.rawValue): self = .lineString
        case Int32(GEOS_LINEARRING.rawValue): self = .linearRing
        case Int32(GEOS_POLYGON.rawValue): self = .polygon
        case Int32(GEOS_MULTIPOINT.rawValue): self = .multiPoint
        case Int32(GEOS_MULTILINESTRING.rawValue): self = .multiLineString
        case Int32(GEOS_MULTIPOLYGON.rawValue): self = .multiPolygon
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue): self = .geometryCollection
        default: return nil
        }
    }
}
