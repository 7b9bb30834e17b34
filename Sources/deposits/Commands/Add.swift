import ArgumentParser
import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add surveyed deposits (GeoJSON, or a format GDAL reads; each feature with an id) to a store, after the survey validator passes them.",
        discussion: """
            Takes GeoJSON (a FeatureCollection, or one Feature) in WGS84 longitude/latitude. Every feature \
            becomes a deposit and needs an id: its top-level "id", else an "id" property (when both are there \
            the top-level id wins and a differing property is reported). WKT and CSV surveys carry no ids, so \
            add refuses them (exit 65); check them with deposits validate, then write them as GeoJSON with ids. \
            Shapefile, GeoPackage, KML/KMZ, MapInfo, DXF, GML and FlatGeobuf are read through GDAL (gdal-bin; \
            refused with 65 without it), each feature's id from its "id" attribute, transformed from the file's \
            CRS to WGS84; list properties (aliases, commodities) as GDAL writes lists or as JSON text. \
            A survey with errors is refused, and so is one overlapping a deposit already in the store unless \
            --allow-overlap is given; the report is printed either way. The store must have a country layer \
            (a survey is checked to lie inside it). A feature carrying the id of a deposit in the store \
            replaces that deposit. Everything is written in one transaction, or nothing is; two adds at once \
            are checked one after the other, so the second sees what the first stored.
            """
    )

    @Argument(help: ArgumentHelp("Survey files: GeoJSON of deposit outlines in WGS84, an id on each feature.", valueName: "SURVEY.geojson"))
    var surveys: [String]

    @Option(name: .customLong("store"), help: ArgumentHelp("The store to add to: a GeoPackage, or a PostgreSQL/PostGIS database by URL.", valueName: "FILE | URL"))
    var store: String

    @Option(help: ArgumentHelp("In a file with several layers (a GeoPackage, a KML's folders): add only this one.", valueName: "NAME"))
    var layer: String?

    @Flag(name: .customLong("allow-overlap"), help: "Accept outlines that overlap deposits already in the store.")
    var allowOverlap = false

    func validate() throws {
        if surveys.isEmpty { throw ValidationError("name the survey file(s) to add") }
    }

    func run() throws {
        try reportingErrors {
            try GDALRequirement.check(surveys)
            do {
                let intake = try StoreLocation(store).addSurvey(files: surveys.map { URL(fileURLWithPath: $0) }, allowOverlap: allowOverlap, layer: layer)
                if !intake.report.problems.isEmpty { StandardStreams.error(TerminalText.escapedLines(intake.report.table())) }
                for n in intake.notes { StandardStreams.error("deposits: note: \(TerminalText.escaped(n))\n") }  // notes quote ids from the survey
                var lines = [String]()
                if !intake.added.isEmpty { lines.append("added \(intake.added.count): \(intake.added.map(TerminalText.escaped).joined(separator: ", "))") }
                if !intake.replaced.isEmpty { lines.append("replaced \(intake.replaced.count): \(intake.replaced.map(TerminalText.escaped).joined(separator: ", "))") }
                try StandardStreams.output(lines.joined(separator: "\n") + "\n")
            } catch let refusal as SurveyRefusal {
                StandardStreams.error(TerminalText.escapedLines(refusal.report.table()))
                throw refusal
            }
        }
    }
}
