/// The survey file formats the validator reads.
public enum SurveyFormat: String, Sendable, Codable, CaseIterable {
    /// A FeatureCollection, a Feature or a bare geometry (RFC 7946, or older GeoJSON with a `crs` member).
    case geojson
    /// One or more Well-Known Text geometries (EWKT's `SRID=n;` prefix allowed), one feature each.
    case wkt
    /// A CSV of vertices with a header; see `CSVSurveyReader` for the columns.
    case csv
    /// A vector format read through GDAL's tools (Shapefile, GeoPackage, KML/KMZ, MapInfo, DXF, GML,
    /// FlatGeobuf; see `GDALFormat`), known by its extension.
    case gdal

    /// The format a file's extension names, else the one its first bytes look like; nil when neither tells.
    public static func detect(path: String, bytes: [UInt8]) -> SurveyFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") { return .geojson }
        if lower.hasSuffix(".wkt") { return .wkt }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        if GDALFormat.of(path: path) != nil { return .gdal }
        return sniff(bytes)
    }

    static func sniff(_ bytes: [UInt8]) -> SurveyFormat? {
        guard let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .geojson }
        let head = String(decoding: bytes.prefix(64), as: UTF8.self).uppercased().drop { $0.isWhitespace }
        let keywords = ["SRID=", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"]
        if keywords.contains(where: { head.hasPrefix($0) }) { return .wkt }
        if first == UInt8(ascii: "#") || bytes.prefix(4096).contains(UInt8(ascii: ",")) { return .csv }
        return nil
    }
}
