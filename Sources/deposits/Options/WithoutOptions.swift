import ArgumentParser
import DepositAnswers

/// `--without LAYER` for the answers that gather several layers (`at`, `show`): see `LayerOmissions`.
struct WithoutOptions: ParsableArguments {
    @Option(name: .customLong("without"), help: ArgumentHelp("Answer without this layer when the data has none: rail, stations, corridors or regions (repeatable).", valueName: "LAYER"))
    var layers: [LayerOmissions.Layer] = []

    var omissions: LayerOmissions { LayerOmissions(layers) }
}

extension LayerOmissions.Layer: ExpressibleByArgument {}
