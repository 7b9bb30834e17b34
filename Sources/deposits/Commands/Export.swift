import ArgumentParser
import DepositIndex
import Foundation
import Geo

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A layer as RFC 7946 GeoJSON for map viewers (QGIS, geojson.io, kepler.gl)."
    )

    enum Layer: String, ExpressibleByArgument, CaseIterable {
        case deposits, rail, stations, corridors, regions

        var layer: Catalog.Layers { Catalog.Layers(name: rawValue) ?? [] }  // each case is a layer's name (LayerNameTests)
    }

    @Option(help: "deposits (default), rail, stations, corridors or regions.")
    var layer: Layer = .deposits

    @OptionGroup var filters: DepositFilters

    @Flag(name: .customLong("include-unlocated"), help: "Also write deposits without a published location (null geometry).")
    var includeUnlocated = false

    @Option(name: .long, help: "Decimal places of coordinates (7 ≈ 1 cm).")
    var precision: Int = 7

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(OutputOptions.outputHelp, valueName: "FILE"))
    var output: String?

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be between 0 and 15") }
        if layer != .deposits, filters.commodity != nil || filters.status != nil || filters.region != nil {
            throw ValidationError("--commodity, --status and --region filter deposits; use them with --layer deposits")
        }
    }

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadCatalog()
            try catalog.requireLayers(layer.layer)
            let features: [Feature]
            switch layer {
            case .deposits:
                features = try filters.apply(catalog).filter { includeUnlocated || $0.geometry != nil }.map { d in
                    Feature(id: d.id, properties: d.properties, geometry: d.geometry)
                }
            case .rail: features = catalog.rail.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
            case .stations: features = catalog.stations.map { Feature(id: $0.id, properties: $0.properties, geometry: .point($0.location)) }
            case .corridors: features = catalog.corridors.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
            case .regions: features = catalog.regions.map { Feature(id: $0.id, properties: $0.properties, geometry: $0.geometry) }
            }
            let writer = Emitter(precision: precision, outputPath: output)
            try writer.emit(writer.geojson(features), inputs: data.inputFiles(of: catalog))
        }
    }
}
