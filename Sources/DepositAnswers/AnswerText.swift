import DepositIndex

/// The one encoder of answers: JSON for scripts and GeoJSON for map viewers, byte for byte the same
/// from the CLI and the server.
public enum AnswerText {
    /// A Codable answer as JSON: snake_case keys in a stable (sorted) order, SI units, [lon, lat] points,
    /// indented by two spaces; no final newline.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        // The library's answers name fields in Swift's camelCase (`distanceM`); the CLI's own answers are
        // already snake_case, which the conversion leaves as they are. The package's one JSON writer.
        let tree = try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(value)
        return JSONWriter(indent: 2).string(tree)
    }

    /// Features as an RFC 7946 FeatureCollection: geodesic edges densified, cut at the antimeridian,
    /// counter-clockwise shells, coordinates rounded to `precision` places (7 ≈ 1 cm); no final newline.
    public static func geojson(_ features: [Feature], precision: Int = 7) throws -> String {
        try GeoJSON.text(of: prepared(features), decimals: precision)
    }

    /// The features as RFC 7946 wants them (densified, cut, wound), for a writer of its own (a map page).
    public static func prepared(_ features: [Feature]) throws -> [Feature] {
        try features.map { f in
            Feature(id: f.id, properties: f.properties, geometry: try f.geometry?.preparedForRFC7946())
        }
    }

    /// The answer's table with the attribution the bundled data's licences ask for under it (`bundled`:
    /// answering from the bundled GeoData).
    public static func table(_ answer: some CommandAnswer, catalog: Catalog, bundled: Bool) throws -> String {
        try answer.table(catalog: catalog) + Attribution.footer(for: answer.attributedLayers, bundled: bundled)
    }
}
