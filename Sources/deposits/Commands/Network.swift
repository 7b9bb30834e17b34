import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "The rail layer as a network: components, gaps bridged, dead ends and breaks, stations off the lines.",
        discussion: """
            Line ends within --tolerance-m metres (geodesic) of another line's end or vertex are joined by a bridge, \
            and every bridge is listed; a gap wider than that is a break, listed with the nearest end of another \
            component. Every station is attached at its nearest rail point, its offset kept. Border detours are \
            places inside Kazakhstan that the rail joins only through abroad (a line inside broken in the data).
            """
    )

    @Flag(name: .customLong("full"), help: "List every dead end and every station beyond the tolerance in the table (JSON always lists them).")
    var full = false

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let question = NetworkQuestion(network: networkOptions.settings, full: full)
            let catalog = try data.loadNetworkCatalog(everything: output.format == .html)
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
