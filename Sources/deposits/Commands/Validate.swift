import ArgumentParser
import DepositIndex
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check survey geometry (GeoJSON, WKT, or CSV of vertices) and report every problem with where and why.",
        discussion: """
            Checks syntax, structure, coordinates (range, swapped latitude and longitude, metres), rings, \
            topology (every GEOS validity reason with its location), plausibility (area, inside Kazakhstan, region), \
            overlap with deposits already in the data, and the properties a deposit needs.

            Exit status: 0 when there are no errors (warnings allowed), 3 when the survey has errors, \
            and the usual codes otherwise (see deposits --help).
            """
    )

    @Argument(help: ArgumentHelp("Survey files: .geojson/.json, .wkt, or .csv of vertices.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The CRS the coordinates are in, as PROJ knows it (e.g. EPSG:32643 for UTM 43N, EPSG:28413 for Pulkovo-1942 zone 13); transformed to WGS84 first.", valueName: "CRS"))
    var crs: String?

    @Option(name: .customLong("fix"), help: ArgumentHelp("Write a repaired copy here (never over an input) and report each change with its area effect.", valueName: "OUT"))
    var fixOutput: String?

    @OptionGroup var data: DataOptions

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
            let catalog = try data.loadCatalog()
            let report = SurveyValidator(catalog: catalog).validate(files: inputs, crs: crs)
            hasErrors = report.hasErrors
            let emitter = Emitter(precision: 7, outputPath: output)
            let text: String
            switch format {
            case .table: text = TerminalText.escapedLines(report.table())  // a survey's names may hold controls
            case .json: text = report.jsonText()
            case .geojson: text = report.geoJSONText()
            }
            try emitter.emit(text, inputs: inputs + data.inputFiles(of: catalog))
            if let fixOutput {
                let result = try SurveyRepair().repair(files: inputs, crs: crs, to: URL(fileURLWithPath: fixOutput))
                // The repair report goes to stderr when the validation report is on stdout, so a pipe of
                // JSON or GeoJSON stays one document.
                let repairText = TerminalText.escapedLines(result.table())
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
