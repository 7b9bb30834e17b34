import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A layer as RFC 7946 GeoJSON for map viewers (QGIS, geojson.io, kepler.gl)."
    )

    @Option(help: "deposits (default), rail, stations, corridors or regions.")
    var layer: ExportQuestion.Layer = .deposits

    @OptionGroup var filters: DepositFilters

    @Flag(name: .customLong("include-unlocated"), help: "Also write deposits without a published location (null geometry).")
    var includeUnlocated = false

    @Option(name: .long, help: "Decimal places of coordinates (7 ≈ 1 cm).")
    var precision: Int = 7

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(OutputOptions.outputHelp, valueName: "FILE"))
    var output: String?

    @OptionGroup var data: DataOptions

    var question: ExportQuestion { ExportQuestion(layer: layer, filter: filters.filter, includeUnlocated: includeUnlocated) }

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be between 0 and 15") }
        try ValidationError.from { try question.check() }
    }

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadCatalog()
            let features = try question.features(catalog: catalog)
            let writer = Emitter(precision: precision, outputPath: output)
            try writer.emit(writer.geojson(features), inputs: data.inputFiles(of: catalog))
        }
    }
}

extension ExportQuestion.Layer: ExpressibleByArgument {}
