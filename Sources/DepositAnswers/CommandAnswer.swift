import DepositIndex

/// An answer to one of the CLI's questions, in every format from one place: JSON is the answer encoded
/// as it is (`AnswerText.json`), a table is `table(catalog:)` with the data's attribution under it,
/// GeoJSON is `features(catalog:)` as an RFC 7946 FeatureCollection (`AnswerText.geojson`). The CLI
/// and the server both write answers through these, so one question gives the same bytes from either.
public protocol CommandAnswer: Encodable {
    /// The answer for a terminal; names from the data escaped (`TerminalText`).
    func table(catalog: Catalog) throws -> String
    /// The answer for a map viewer.
    func features(catalog: Catalog) throws -> [Feature]
    /// The layers whose sources the table's footer credits.
    var attributedLayers: Set<Attribution.Layer> { get }
}
