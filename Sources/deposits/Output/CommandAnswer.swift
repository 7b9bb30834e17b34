import DepositIndex

/// An answer a subcommand gives, in every format from one place (`OutputOptions.write`): JSON is the
/// answer encoded as it is, a table is `table(catalog:)` with the data's attribution under it, GeoJSON
/// is `features(catalog:)` as an RFC 7946 FeatureCollection. A new format lands here once, not in
/// every command.
protocol CommandAnswer: Encodable {
    /// The answer for a terminal; names from the data escaped (`TerminalText`).
    func table(catalog: Catalog) throws -> String
    /// The answer for a map viewer.
    func features(catalog: Catalog) throws -> [Feature]
    /// The layers whose sources the table's footer credits.
    var attributedLayers: Set<Attribution.Layer> { get }
}

extension OutputOptions {
    /// Writes `answer` in the chosen format, to `-o` or standard output, never over one of the data's files.
    func write(_ answer: some CommandAnswer, catalog: Catalog, data: DataOptions) throws {
        let inputs = data.inputFiles(of: catalog)
        switch format {
        case .json: try emit(json(answer), inputs: inputs)
        case .table: try emit(answer.table(catalog: catalog) + Attribution.footer(for: answer.attributedLayers, bundled: data.isBundled), inputs: inputs)
        case .geojson: try emit(geojson(answer.features(catalog: catalog)), inputs: inputs)
        }
    }
}
