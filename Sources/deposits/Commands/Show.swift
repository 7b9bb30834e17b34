import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A deposit's record, with its region, nearest rail line and the corridors it lies in."
    )

    @Argument(help: "A deposit (id, name or alias).")
    var deposit: String

    @OptionGroup var data: DataOptions
    @OptionGroup var without: WithoutOptions
    @OptionGroup var output: OutputOptions


    func run() throws {
        try reportingErrors {
            let question = ShowQuestion(deposit: deposit, omissions: without.omissions)
            let catalog = try question.omissions.loading { try data.loadCatalog(for: output.widened(question.storeRequest())) }
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
