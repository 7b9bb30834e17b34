import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The shortest route along the rail network between two deposits, stations or points.",
        discussion: """
            FROM and TO are each a deposit (id, name or alias), a station (id or name) or coordinates, latitude first \
            and quoted as one argument ("48.683,73.283"; after -- when they begin with -). A deposit or point meets \
            the rail at its exact nearest rail point by a geodesic access leg, off the rail; a station at its own \
            rail point. Places in different network components are refused (65), never routed around the break.
            Routes use operating lines unless --include names more; a route never leaves Kazakhstan and comes back \
            in unless --transit names the countries between (refused, 65, naming where the path leaves), and \
            changes gauge only at a gateway (a port or border crossing).
            """
    )

    @Argument(help: "Where from: a deposit, a station or coordinates.")
    var from: String

    @Argument(help: "Where to: a deposit, a station or coordinates.")
    var to: String

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var border: BorderOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let question = RouteQuestion(from: from, to: to, network: networkOptions.settings, transit: border.transit)
            let catalog = try data.loadNetworkCatalog(everything: output.format == .html)
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
