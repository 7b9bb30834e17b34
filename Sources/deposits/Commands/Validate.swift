import ArgumentParser
import DepositIndex
import Foundation
import Geo

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check survey geometry (GeoJSON, WKT, or CSV of vertices) and report every problem with where and why.",
        discussion: """
            Checks syntax, structure, coordinates (range, swapped latitude and longitude, metres), rings, \
            topology (every GEOS validity reason with its location), plausibility (area, inside Kazakhstan, region), \
            overlap with deposits already in the data, and control characters in ids and properties. \
            The properties a catalog deposit needs (aliases, status, footprint...) are what `deposits add` \
            requires; here one line says what the catalog would still need, and --schema checks them feature \
            by feature. Repeats of one problem beyond 200 in a file are counted, not listed.

            Exit status: 0 when there are no errors (warnings allowed), 3 when the survey has errors, \
            64 when --crs names a CRS PROJ does not know, and the usual codes otherwise (see deposits --help).
            """
    )

    @Argument(help: ArgumentHelp("Survey files: .geojson/.json, .wkt, or .csv of vertices.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The CRS the coordinates are in, as PROJ knows it (e.g. EPSG:32643 for UTM 43N, EPSG:28413 for Pulkovo-1942 zone 13); transformed to WGS84 first.", valueName: "CRS"))
    var crs: String?

    @Flag(help: "Also check the properties a catalog deposit needs (id, name, aliases, commodities, status, footprint, location_precision_m, source), as deposits add does.")
    var schema = false

    @Option(name: .customLong("fix"), help: ArgumentHelp("Write a repaired copy here (never over an input) and report each change with its area effect.", valueName: "OUT"))
    var fixOutput: String?

    @OptionGroup var data: DataOptions

    @Flag(name: .customLong("without-country"), help: "Validate against data that has no country outline: the inside-the-country check is left out (said in the report); without this flag such data is refused.")
    var withoutCountry = false

    @Option(help: "table (default), json or geojson (each problem a Point at its location).")
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name the survey file(s) to check") }
    }

    func run() throws {
        var hasErrors = false
        try reportingErrors {
            let inputs = files.map { URL(fileURLWithPath: $0) }
            for file in files where !FileManager.default.fileExists(atPath: file) {
                throw UserFacingError(.badData, "\(file): no such file")
            }
            if let crs {
                // A CRS given on the command line is a usage matter: the survey has not been read yet.
                do {
                    _ = try Projection(from: crs, to: "EPSG:4326")
                } catch {
                    throw UserFacingError(.usage, "--crs '\(crs)': PROJ does not know this CRS; give one it knows, such as EPSG:32643 (UTM zone 43N) or EPSG:28413 (Pulkovo 1942 / Gauss-Kruger zone 13) (PROJ: \(error))")
                }
            }
            let catalog = try data.loadCatalog()
            // Whether a survey lies in the country is half of what validation is for: data without the
            // outline is refused unless the user says so, rather than every survey passing as inside.
            if !catalog.presentLayers.contains(.country) {
                guard withoutCountry else {
                    throw UserFacingError(.badData, "the data at \(catalog.directory.path) has no country layer (country.geojson, or the store's country table), "
                                          + "so whether a survey lies in the country cannot be checked; give --without-country to validate without it")
                }
                FileHandle.standardError.write(Data("deposits: note: no country outline in the data (--without-country): whether the survey lies in the country was not checked\n".utf8))
            }
            var options = SurveyValidator.Options()
            options.checkDepositProperties = schema
            let report = SurveyValidator(catalog: catalog, options: options).validate(files: inputs, crs: crs)
            hasErrors = report.hasErrors
            let emitter = Emitter(precision: 7, outputPath: output)
            let text: String
            switch format {
            case .table: text = report.table()
            case .json: text = try report.jsonText()
            case .geojson: text = report.geoJSONText()
            }
            try emitter.emit(text, inputs: inputs + data.inputFiles(of: catalog))
            if let fixOutput {
                let result = try SurveyRepair().repair(files: inputs, crs: crs, to: URL(fileURLWithPath: fixOutput))
                // The repair report goes to stderr when the validation report is on stdout, so a pipe of
                // JSON or GeoJSON stays one document.
                let repairText = result.table()
                if output == nil && format != .table {
                    FileHandle.standardError.write(Data(repairText.utf8))
                } else {
                    print(repairText)
                }
            }
        }
        if hasErrors { throw ExitCode(ExitStatus.surveyErrors.rawValue) }
    }
}
