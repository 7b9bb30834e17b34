import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct At: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Everything about a place: its region, the nearest rail line and station, the corridors it lies in, and the deposits nearby."
    )

    @Argument(help: "Coordinates, latitude first: 48.683,73.283, 48.683 73.283, -33.87,151.21 or 48°41'N 73°17'E.")
    var coordinates: String

    @Option(name: .customLong("radius-km"), help: "List the deposits within this many km.")
    var radiusKm: Double = 50

    @OptionGroup var data: DataOptions
    @OptionGroup var without: WithoutOptions
    @OptionGroup var output: OutputOptions

    var question: AtQuestion { AtQuestion(place: coordinates, radiusKm: radiusKm, omissions: without.omissions) }

    func validate() throws { try ValidationError.from { try question.check() } }

    func run() throws {
        try reportingErrors {
            let question = question
            let catalog = try question.omissions.loading { try data.loadCatalog(for: output.widened(question.storeRequest())) }
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
