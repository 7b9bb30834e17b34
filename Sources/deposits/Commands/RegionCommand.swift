import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Which region holds a deposit (with shares across a border) or a point (both regions on a border); given a region, the deposits in it."
    )

    @Argument(help: "A deposit, coordinates (latitude first, a leading minus allowed: -33.87,151.21), or a region (ISO code such as KZ-KAR, or name).")
    var subject: String

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let question = RegionQuestion(subject: subject)
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
