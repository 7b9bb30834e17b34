import ArgumentParser
import DepositAnswers
import DepositIndex
import DepositMaps
import Foundation
import Geo

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check survey geometry (GeoJSON, WKT, CSV of vertices, or through GDAL: Shapefile, GeoPackage, KML/KMZ, MapInfo, DXF, GML, FlatGeobuf) and report every problem with where and why.",
        discussion: """
            Checks syntax, structure, coordinates (range, swapped latitude and longitude, metres), rings, \
            topology (every GEOS validity reason with its location), plausibility (area, inside Kazakhstan, region), \
            overlap with deposits already in the data, and control characters in ids and properties. \
            The properties a catalog deposit needs (aliases, status, footprint...) are what `deposits add` \
            requires; here one line says what the catalog would still need, and --schema checks them feature \
            by feature. Repeats of one problem beyond 200 in a file are counted, not listed.

            Shapefile (.shp, with its .shx, .dbf and .prj beside it), GeoPackage (.gpkg, every layer or \
            --layer NAME), KML and KMZ, MapInfo (.tab, .mif), DXF, GML and FlatGeobuf (.fgb) are read through \
            GDAL's ogrinfo and ogr2ogr when they are installed (gdal-bin); without them such a file is refused \
            (65). Their problems name the layer and the FID, and give the location in WGS84 and in the file's \
            own CRS (from the .prj, the TAB header, the GeoPackage); --crs stands in for a file with none. \
            What the conversion leaves out (M and Z values, arcs approximated by segments) is reported as \
            dropped-in-conversion.

            Exit status: 0 when there are no errors (warnings allowed), 3 when the survey has errors, \
            64 when --crs names a CRS PROJ does not know, 65 when a file needs GDAL and GDAL is not installed, \
            and the usual codes otherwise (see deposits --help).
            """
    )

    @Argument(help: ArgumentHelp("Survey files: .geojson/.json, .wkt, .csv of vertices, or through GDAL .shp, .gpkg, .kml, .kmz, .tab, .mif, .dxf, .gml, .fgb.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("In a file with several layers (a GeoPackage, a KML's folders): check only this one.", valueName: "NAME"))
    var layer: String?

    @Option(help: ArgumentHelp("The CRS the coordinates are in, as PROJ knows it (e.g. EPSG:32643 for UTM 43N, EPSG:28413 for Pulkovo-1942 zone 13); transformed to WGS84 first.", valueName: "CRS"))
    var crs: String?

    @Flag(help: "Also check the properties a catalog deposit needs (id, name, aliases, commodities, status, footprint, location_precision_m, source), as deposits add does.")
    var schema = false

    @Option(name: .customLong("fix"), help: ArgumentHelp("Write a repaired copy here (never over an input) and report each change with its area effect.", valueName: "OUT"))
    var fixOutput: String?

    @OptionGroup var data: DataOptions

    @Flag(name: .customLong("without-country"), help: "Validate against data that has no country outline: the inside-the-country check is left out (said in the report); without this flag such data is refused.")
    var withoutCountry = false

    @Option(help: "table (default), json, geojson (each problem a Point at its location) or html (a map page of the problems and the survey's outlines).")
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the report here instead of standard output: a file (replaced atomically), a FIFO or a device (in place), or -.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name the survey file(s) to check") }
        if format.stream != nil { throw ValidationError("--format \(format.rawValue) is for answers about every deposit (near-rail --all, region --all, gateways --all); give json or geojson for a report") }
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
            try GDALRequirement.check(files)
            let report = try output.map { try OutputTarget(path: $0) } ?? .standardOutput
            let fix = try fixOutput.map { try OutputTarget(path: $0) }
            try Self.checkDistinct(report: (output.map { "-o \($0)" } ?? "the report (standard output)", report),
                                   fix: fix.map { ("--fix \(fixOutput ?? "")", $0) }, inputs: inputs)
            if let crs {
                // A CRS given on the command line is a usage matter: the survey has not been read yet.
                do {
                    _ = try Projection(from: crs, to: "EPSG:4326")
                } catch {
                    throw AnswerError(.usage, "--crs '\(crs)': PROJ does not know this CRS; give one it knows, such as EPSG:32643 (UTM zone 43N) or EPSG:28413 (Pulkovo 1942 / Gauss-Kruger zone 13) (PROJ: \(error))")
                }
            }
            let catalog = try data.loadCatalog()
            // The data checked against is an input too: --fix or -o onto a layer file or the store would
            // replace it with a survey or a report.
            try Self.checkOutputs([(output.map { "-o \($0)" } ?? "the report (standard output)", report)]
                                  + (fix.map { [("--fix \(fixOutput ?? "")", $0)] } ?? []),
                                  avoid: data.inputFiles(of: catalog), what: "a file of the data checked against")
            // Whether a survey lies in the country is half of what validation is for: data without the
            // outline is refused unless the user says so, rather than every survey passing as inside.
            if !catalog.presentLayers.contains(.country) {
                guard withoutCountry else {
                    throw AnswerError(.badData, "the data at \(catalog.directory.path) has no country layer (country.geojson, or the store's country table), "
                                          + "so whether a survey lies in the country cannot be checked; give --without-country to validate without it")
                }
                StandardStreams.error("deposits: note: no country outline in the data (--without-country): whether the survey lies in the country was not checked\n")
            }
            var options = SurveyValidator.Options()
            options.checkDepositProperties = schema
            options.layer = layer
            let validation = SurveyValidator(catalog: catalog, options: options).validate(files: inputs, crs: crs)
            hasErrors = validation.hasErrors
            let text: String
            switch format {
            case .table: text = TerminalText.escapedLines(validation.table())  // a survey's names may hold controls
            case .json: text = try validation.jsonText()
            case .geojson: text = validation.geoJSONText()
            case .html: text = try Self.mapPage(validation, surveys: inputs, crs: crs, catalog: catalog, bundled: data.isBundled)
            case .jsonl, .geojsonseq: throw OutputOptions.streamRefusal(format)  // refused in validate()
            }
            try OutputFile.write(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: report, inputs: inputs + data.inputFiles(of: catalog))
            if let fix {
                let result = try SurveyRepair(options: options).repair(files: inputs, crs: crs, to: fix)
                // The repair report goes to stderr when standard output carries a document (the validation
                // report as JSON or GeoJSON, or the repaired survey), so a pipe of it stays one document.
                let repairText = TerminalText.escapedLines(result.table())
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
            throw AnswerError(.usage, "\(fix.name) and \(report.name) name the same file; give the repaired survey and the report different places")
        }
        // A Shapefile or MapInfo table is several files: each is the survey too.
        try checkOutputs([report] + (fix.map { [$0] } ?? []), avoid: inputs + inputs.flatMap(GDALFormat.parts(of:)), what: "the survey")
    }

    /// Refuses (64) an output that would write over one of `inputs`, saying `what` that input is.
    static func checkOutputs(_ outputs: [(name: String, target: OutputTarget)], avoid inputs: [URL], what: String) throws {
        for output in outputs {
            if let input = output.target.overwrittenInput(among: inputs) {
                throw AnswerError(.usage, "\(output.name) is \(what) \(input.path); choose another output path")
            }
        }
    }

    /// The report as a map page: each problem a point (red for errors, orange for warnings) over the
    /// survey's own outlines when it is GeoJSON in WGS84, on the catalog's base layers.
    static func mapPage(_ validation: SurveyReport, surveys: [URL], crs: String?, catalog: Catalog, bundled: Bool) throws -> String {
        var features = try GeoJSON.features(parsing: Array(validation.geoJSONText().utf8))
        if crs == nil {
            for survey in surveys where survey.pathExtension.lowercased() != "wkt" && survey.pathExtension.lowercased() != "csv" {
                // A survey that does not read as GeoJSON is drawn without its outlines: the report says why.
                guard let data = FileManager.default.contents(atPath: survey.path),
                      let outlines = try? GeoJSON.features(parsing: Array(data)) else { continue }
                features += outlines.map { f in
                    var p = f.properties
                    p["kind"] = "survey"
                    return Feature(id: f.id, properties: p, geometry: f.geometry)
                }
            }
        }
        let title = validation.table().split(separator: "\n").first.map(String.init) ?? "Survey validation"
        return try MapPageOutput.page(features: features, title: title, catalog: catalog, precision: 7, bundled: bundled, layers: [.deposits])
    }
}
