import DepositIndex

/// The layers a question is told to answer without (`--without LAYER` for `at` and `show`, `without=`
/// on the server): the user says the data has no such layer, and the parts of the answer that need it
/// are left out, said so in the answer. Without it, a question that needs a layer the data lacks is
/// refused (exit 65) naming the layer, never answered "none".
public struct LayerOmissions: Sendable {
    /// A layer that can be left out.
    public enum Layer: String, CaseIterable, Sendable {
        case rail, stations, corridors, regions

        /// The catalog layer of that name (each case is a layer's name: LayerNameTests).
        public var layer: Catalog.Layers { Catalog.Layers(name: rawValue) ?? [] }
    }

    /// The layers left out, in the order given.
    public var layers: [Layer]

    /// The question with its options, defaults as the CLI's.
    public init(_ layers: [Layer] = []) { self.layers = layers }

    /// True when `layer` is left out.
    public func omits(_ layer: Layer) -> Bool { layers.contains(layer) }

    /// Runs `body` unless the layer is omitted; a refusal for a missing layer gains the hint to omit it.
    func answer<T>(_ layer: Layer, _ body: () throws -> T) throws -> T? {
        if omits(layer) { return nil }
        do {
            return try body()
        } catch QueryError.missingLayer(let name, let source) {
            throw AnswerError(.badData, QueryError.missingLayer(name, source: source).description
                                  + "; give --without \(name) to answer without it")
        }
    }

    /// Loads the catalog; a store's refusal for a layer that `--without` could leave out gains that hint,
    /// as a refusal from a data directory does (`answer`).
    public func loading(_ body: () throws -> Catalog) throws -> Catalog {
        do {
            return try body()
        } catch let e as StoreError {
            guard case .missingLayer(_, let layer, _) = e, Layer(rawValue: layer.table) != nil else { throw e }
            throw AnswerError(.badData, e.description + "; give --without \(layer.table) to answer without it")
        }
    }

    /// What a table row says for an omitted layer.
    static func omitted(_ layer: Layer) -> String { "not asked (--without \(layer.rawValue))" }
}
