import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update a GeoPackage store from a data directory or layer-named GeoJSON files.",
        discussion: """
            Each layer given (deposits.geojson, rail.geojson, stations.geojson, corridors.geojson, \
            regions.geojson, country.geojson) replaces that layer in the store; the others stay, and a layer \
            never imported stays absent (a question that needs it is refused). A feature's id is its top-level \
            "id", else its "id" property; when both are there the top-level id wins (a differing property is \
            reported and not stored). The input is \
            checked in full first and written in one transaction: the store holds all of it or, after any \
            failure or interruption, exactly what it held before. QGIS and GDAL open the store directly.
            """
    )

    @Argument(help: ArgumentHelp("A data directory in the GeoData schema, or GeoJSON files named after their layers.", valueName: "DIR | FILE.geojson"))
    var inputs: [String]

    @Option(name: .customLong("into"), help: ArgumentHelp("The GeoPackage to create or update.", valueName: "FILE"))
    var store: String

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name a data directory or GeoJSON files to import") }
        // The same file by path, or by device and inode (a hard or symbolic link to an input).
        let target = URL(fileURLWithPath: store).standardizedFileURL.path
        let identity = FileIdentity(path: store)
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target || (identity != nil && FileIdentity(path: $0) == identity) }) {
            throw ValidationError("--into \(store) is also an input; the store must be another file")
        }
    }

    func run() throws {
        try reportingErrors {
            let progress = ProgressLine(label: "importing")
            let started = Date()
            // The input is read and checked before the store is opened: a refused input creates no store.
            let input = try CatalogStore.ImportInput(inputs.map { URL(fileURLWithPath: $0) })
            let s = try CatalogStore(path: store, access: .create)
            var notes = [String]()
            let written = try s.importData(input, progress: { progress.update($0) }, note: { notes.append($0) })
            progress.finish()
            for n in notes { StandardStreams.error("deposits: note: \(TerminalText.escaped(n))\n") }  // notes quote ids from the data
            let seconds = Date().timeIntervalSince(started)
            let summary = written.map { "\($0.layer.table) \($0.count)" }.joined(separator: ", ")
            StandardStreams.error("deposits: imported into \(TerminalText.escaped(store)) in \(String(format: "%.1f", seconds)) s: \(summary)\n")
        }
    }
}
