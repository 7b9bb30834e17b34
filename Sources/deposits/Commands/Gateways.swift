import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct Gateways: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every port and border crossing ranked by rail distance from a place, with the route to each.",
        discussion: """
            PLACE is a deposit (id, name or alias), a station or coordinates, as in `route`. Gateways are the ports \
            and border crossings on the Kazakh side (stations of kind port or border_crossing in Kazakhstan). They \
            are ranked by total distance (access leg off the rail plus rail); those the rail cannot reach under the \
            rules (see `route`) come last, each with why. With --all, every deposit's distances to every gateway.
            """
    )

    @Argument(help: "Where from: a deposit, a station or coordinates (none with --all).")
    var place: String?

    @Flag(name: .customLong("all"), help: "Every deposit's distances to every gateway (one search from each gateway, on every core).")
    var all = false

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var border: BorderOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && place != nil { throw ValidationError("give a place or --all, not both") }
        if !all && place == nil { throw ValidationError("give a place (a deposit, station or coordinates), or --all") }
    }

    func run() throws {
        try reportingErrors {
            let question = GatewaysQuestion(place: all ? nil : place, network: networkOptions.settings, transit: border.transit)
            let catalog = try data.loadNetworkCatalog(everything: output.format == .html)
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
