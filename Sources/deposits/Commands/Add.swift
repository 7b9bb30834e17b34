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
            guard FileManager.default.fileExists(atPath: store) else { throw UserFacingError(.badData, "--store \(store): no such file (create it with deposits import)") }
            let s = try CatalogStore(path: store, access: .write)
            do {
                let intake = try s.addSurvey(files: surveys.map { URL(fileURLWithPath: $0) }, allowOverlap: allowOverlap)
                if !intake.report.problems.isEmpty { FileHandle.standardError.write(Data(TerminalText.escapedLines(intake.report.table()).utf8)) }
                var lines = [String]()
                if !intake.added.isEmpty { lines.append("added \(intake.added.count): \(intake.added.map(TerminalText.escaped).joined(separator: ", "))") }
                if !intake.replaced.isEmpty { lines.append("replaced \(intake.replaced.count): \(intake.replaced.map(TerminalText.escaped).joined(separator: ", "))") }
                print(lines.isEmpty ? "nothing to add" : lines.joined(separator: "\n"))
            } catch let refusal as SurveyRefusal {
                FileHandle.standardError.write(Data(TerminalText.escapedLines(refusal.report.table()).utf8))
                throw refusal
            }
        }
    }
}
