import ArgumentParser
import DepositIndex

/// `--without LAYER` for the answers that gather several layers (`at`, `show`): the user says the data
/// has no such layer, and the parts of the answer that need it are left out, said so in the answer.
/// Without it, a question that needs a layer the data lacks is refused (exit 65) naming the layer, never
/// answered "none".
struct LayerOmissions: ParsableArguments {
    enum Layer: String, ExpressibleByArgument, CaseIterable {
        case rail, stations, corridors, regions

        var layer: Catalog.Layers { Catalog.Layers(name: rawValue) ?? [] }  // each case is a layer's name (LayerNameTests)
    }

    @Option(name: .customLong("without"), help: ArgumentHelp("Answer without this layer when the data has none: rail, stations, corridors or regions (repeatable).", valueName: "LAYER"))
    var layers: [Layer] = []

    func omits(_ layer: Layer) -> Bool { layers.contains(layer) }

    /// Runs `body` unless the layer is omitted; a refusal for a missing layer gains the hint to omit it.
    func answer<T>(_ layer: Layer, _ body: () throws -> T) throws -> T? {
        if omits(layer) { return nil }
        do {
            return try body()
        } catch QueryError.missingLayer(let name, let source) {
            throw UserFacingError(.badData, QueryError.missingLayer(name, source: source).description
                                  + "; give --without \(name) to answer without it")
        }
    }

    /// Loads the catalog; a store's refusal for a layer that `--without` could leave out gains that hint,
    /// as a refusal from a data directory does (`answer`).
    func loading(_ body: () throws -> Catalog) throws -> Catalog {
        do {
            return try body()
        } catch let e as StoreError {
            guard case .missingLayer(_, let layer, _) = e, Layer(rawValue: layer.table) != nil else { throw e }
            throw UserFacingError(.badData, e.description + "; give --without \(layer.table) to answer without it")
        }
    }

    /// What a table row says for an omitted layer.
    static func omitted(_ layer: Layer) -> String { "not asked (--without \(layer.rawValue))" }
}
