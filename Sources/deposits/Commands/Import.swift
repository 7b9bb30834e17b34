import ArgumentParser
import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update a store (a GeoPackage, or a PostgreSQL/PostGIS database) from a data directory or layer-named files (GeoJSON, or a format GDAL reads).",
        discussion: """
            Each layer given (deposits.geojson, rail.geojson, stations.geojson, corridors.geojson, \
            regions.geojson, country.geojson) replaces that layer in the store; the others stay, and a layer \
            never imported stays absent (a question that needs it is refused). A feature's id is its top-level \
            "id", else its "id" property; when both are there the top-level id wins (a differing property is \
            reported and not stored). The input is \
            checked in full first and written in one transaction: the store holds all of it or, after any \
            failure or interruption, exactly what it held before. QGIS and GDAL open the store directly. \
            --into postgresql://user@host:port/db (or postgresql: for the PG* variables) imports into \
            PostGIS instead: one table per layer with a GiST index, created (with CREATE EXTENSION postgis \
            when missing) in one transaction. \
            A layer file may also be in a format GDAL reads (deposits.shp, rail.gpkg, regions.tab, ...; \
            gdal-bin needed, else 65), or one file whose layers are named after the store's (a GeoPackage \
            with deposits and rail tables): read through GDAL, transformed from the file's CRS to WGS84, \
            ids from the id attribute; a Shapefile's 10-character field names (location_p) stand for the \
            catalog's. What the reading leaves out (Z, M, arcs) is said on stderr.
            """
    )

    @Argument(help: ArgumentHelp("A data directory in the GeoData schema, or files named after their layers (GeoJSON, or a format GDAL reads).", valueName: "DIR | FILE.geojson | FILE.shp ..."))
    var inputs: [String]

    @Option(name: .customLong("into"), help: ArgumentHelp("The GeoPackage to create or update, or a PostgreSQL/PostGIS database by URL.", valueName: "FILE | URL"))
    var store: String

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name a data directory or GeoJSON files to import") }
        if ConnectionText.isPostgreSQL(store) { return }
        // The same file by path, or by device and inode (a hard or symbolic link to an input).
        let target = URL(fileURLWithPath: store).standardizedFileURL.path
        let identity = FileIdentity(path: store)
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target || (identity != nil && FileIdentity(path: $0) == identity) }) {
            throw ValidationError("--into \(store) is also an input; the store must be another file")
        }
    }

    func run() throws {
        try reportingErrors {
            try GDALRequirement.check(inputs)
            let progress = ProgressLine(label: "importing")
            let started = Date()
            // The input is read and checked before the store is opened: a refused input creates no store.
            let input = try CatalogStore.ImportInput(inputs.map { URL(fileURLWithPath: $0) })
            let location = StoreLocation(store)
            var notes = [String]()
            let written = try location.importData(input, progress: { progress.update($0) }, note: { notes.append($0) })
            progress.finish()
            for n in notes { StandardStreams.error("deposits: note: \(TerminalText.escaped(n))\n") }  // notes quote ids from the data
            let seconds = Date().timeIntervalSince(started)
            let summary = written.map { "\($0.layer.table) \($0.count)" }.joined(separator: ", ")
            StandardStreams.error("deposits: imported into \(TerminalText.escaped(location.displayName)) in \(String(format: "%.1f", seconds)) s: \(summary)\n")
        }
    }
}
