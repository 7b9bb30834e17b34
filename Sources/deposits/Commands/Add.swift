import ArgumentParser
import DepositIndex
import Foundation

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add surveyed deposits (GeoJSON) to a store, after the survey validator passes them.",
        discussion: """
            A survey with errors is refused, and so is one overlapping a deposit already in the store unless \
            --allow-overlap is given; the report is printed either way. A feature carrying the id of a deposit \
            in the store replaces that deposit. Everything is written in one transaction, or nothing is.
            """
    )

    @Argument(help: ArgumentHelp("Survey files: GeoJSON FeatureCollections of deposit outlines in WGS84.", valueName: "SURVEY.geojson"))
    var surveys: [String]

    @Option(name: .customLong("store"), help: ArgumentHelp("The store to add to.", valueName: "FILE"))
    var store: String

    @Flag(name: .customLong("allow-overlap"), help: "Accept outlines that overlap deposits already in the store.")
    var allowOverlap = false

    func validate() throws {
        if surveys.isEmpty { throw ValidationError("name the survey file(s) to add") }
    }

    func run() throws {
        try reportingErrors {
            try DataOptions.checkStore(store, hint: " (create it with deposits import)")
            let s = try CatalogStore(path: store, access: .write)
            do {
                let intake = try s.addSurvey(files: surveys.map { URL(fileURLWithPath: $0) }, allowOverlap: allowOverlap)
                if !intake.report.problems.isEmpty { StandardStreams.error(intake.report.table()) }
                var lines = [String]()
                if !intake.added.isEmpty { lines.append("added \(intake.added.count): \(intake.added.joined(separator: ", "))") }
                if !intake.replaced.isEmpty { lines.append("replaced \(intake.replaced.count): \(intake.replaced.joined(separator: ", "))") }
                try StandardStreams.output((lines.isEmpty ? "nothing to add" : lines.joined(separator: "\n")) + "\n")
            } catch let refusal as SurveyRefusal {
                StandardStreams.error(refusal.report.table())
                throw refusal
            }
        }
    }
}
