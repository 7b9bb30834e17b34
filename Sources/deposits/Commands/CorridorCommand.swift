import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct CorridorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor",
        abstract: "The deposits inside a transport corridor, with distance to its centre line, overlap area and share; without a corridor, lists the corridors."
    )

    @Argument(help: "A corridor (id, name or alias). Leave out to list the corridors.")
    var corridor: String?

    @Option(name: .customLong("width-km"), help: "Full corridor width in km (default: the corridor's own width_km).")
    var widthKm: Double?

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    var question: CorridorQuestion { CorridorQuestion(corridor: corridor, widthKm: widthKm) }

    func validate() throws { try ValidationError.from { try question.check() } }

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
