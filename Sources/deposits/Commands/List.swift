import ArgumentParser
import DepositIndex
import Foundation
import Geo

/// Filters that pick deposits, shared by `list` and `export`.
struct DepositFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only deposits with this commodity (element symbol, e.g. W).", valueName: "SYMBOL"))
    var commodity: String?

    @Option(help: ArgumentHelp("Only deposits in this region (ISO code such as KZ-KAR, or name).", valueName: "REGION"))
    var region: String?

    @Option(help: "Only deposits with this status: producing, development, exploration or historic.")
    var status: String?

    func apply(_ catalog: Catalog) throws -> [Deposit] {
        var chosen = catalog.deposits
        if let commodity {
            chosen = chosen.filter { $0.commodities.contains { $0.caseInsensitiveCompare(commodity) == .orderedSame } }
        }
        if let status {
            chosen = chosen.filter { $0.status?.caseInsensitiveCompare(status) == .orderedSame }
        }
        if let region {
            let r = try Lookup(catalog: catalog).region(region)
            let inside = Set(try catalog.deposits(in: r.id).map(\.id))
            chosen = chosen.filter { inside.contains($0.id) }
        }
        return chosen
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the deposits, optionally filtered.")

    @OptionGroup var filters: DepositFilters
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadCatalog()
            // A store imported without deposits has no list to give: refused naming the layer, not "0 deposits".
            try catalog.requireLayers(.deposits)
            let inputs = data.inputFiles(of: catalog)
            let deposits = try filters.apply(catalog)
            switch output.format {
            case .json: try output.emit(output.json(deposits.map(DepositRecord.init)), inputs: inputs)
            case .geojson: try output.emit(output.geojson(deposits.map { FeatureBuilder.deposit($0) }), inputs: inputs)
            case .table:
                var t = TextTable([("id", .left), ("name", .left), ("commodities", .left), ("status", .left), ("located", .left)])
                for d in deposits {
                    t.add([d.id, d.name, d.commodities.joined(separator: ","), d.status ?? "-", d.geometry == nil ? "no" : "yes"])
                }
                try output.emit("\(deposits.count) deposits\n" + t.text + "\n" + Attribution.footer(for: [.deposits], bundled: data.isBundled), inputs: inputs)
            }
        }
    }
}

/// A deposit's catalog record in the CLI's JSON schema.
struct DepositRecord: Encodable {
    var id: String
    var name: String
    var aliases: [String]
    var commodities: [String]
    var status: String?
    var footprint: String?
    var location_precision_m: Double?
    var source: String?
    var area_km2: Double?
    var located: Bool

    init(_ d: Deposit) {
        id = d.id
        name = d.name
        aliases = d.aliases
        commodities = d.commodities
        status = d.status
        footprint = d.footprint
        location_precision_m = d.locationPrecisionM
        source = d.source
        area_km2 = d.geometry.map { Geodesic.wgs84.area(of: $0) / 1e6 }
        located = d.geometry != nil
    }
}
