import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the deposits, optionally filtered.")

    @OptionGroup var filters: DepositFilters
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let question = ListQuestion(filter: filters.filter)
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
