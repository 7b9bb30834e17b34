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

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the report here instead of standard output: a file (replaced atomically), a FIFO or a device (in place), or -.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name the survey file(s) to check") }
    }

    func run() throws {
        var hasErrors = false
        do {
            try run(hasErrors: &hasErrors)
        } catch let stop as ExitCode where stop == .success {
            // The reader of standard output stopped early (`| head -1`): quietly, but the survey's verdict
            // still decides the exit code, so a script cannot take a truncated report for a clean one.
        }
        if hasErrors { throw ExitCode(ExitStatus.surveyErrors.rawValue) }
    }

    private func run(hasErrors: inout Bool) throws {
        try reportingErrors {
            let inputs = files.map { URL(fileURLWithPath: $0) }
            // Each survey must be a regular file: a FIFO or /dev/zero is refused here, not read for ever.
            for input in inputs { try InputFile.check(input.path) }
            let report = try output.map { try OutputTarget(path: $0) } ?? .standardOutput
            let fix = try fixOutput.map { try OutputTarget(path: $0) }
            try Self.checkDistinct(report: (output.map { "-o \($0)" } ?? "the report (standard output)", report),
                                   fix: fix.map { ("--fix \(fixOutput ?? "")", $0) }, inputs: inputs)
            let catalog = try data.loadCatalog()
            let validation = SurveyValidator(catalog: catalog).validate(files: inputs, crs: crs)
            hasErrors = validation.hasErrors
            let text: String
            switch format {
            case .table: text = validation.table()
            case .json: text = validation.jsonText()
            case .geojson: text = validation.geoJSONText()
            }
            try OutputFile.write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: report, inputs: inputs + data.inputFiles(of: catalog))
            if let fix {
                let result = try SurveyRepair().repair(files: inputs, crs: crs, to: fix)
                // The repair report goes to stderr when standard output carries a document (the validation
                // report as JSON or GeoJSON, or the repaired survey), so a pipe of it stays one document.
                let repairText = result.table()
                if fix == .standardOutput || (report == .standardOutput && format != .table) {
                    StandardStreams.error(repairText)
                } else {
                    try StandardStreams.output(repairText + "\n")
                }
            }
        }
    }

    /// The report and the repaired survey must go to two different places, neither of them an input:
    /// `--fix F -o F` would leave only one of them (usage error, 64).
    static func checkDistinct(report: (name: String, target: OutputTarget), fix: (name: String, target: OutputTarget)?, inputs: [URL]) throws {
        if let fix, report.target.sameFile(as: fix.target) {
            throw UserFacingError(.usage, "\(fix.name) and \(report.name) name the same file; give the repaired survey and the report different places")
        }
        for output in [report] + (fix.map { [$0] } ?? []) {
            if let input = output.target.overwrittenInput(among: inputs) {
                throw UserFacingError(.usage, "\(output.name) is the survey \(input.path); choose another output path")
            }
        }
    }
}
