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

    @Flag(name: .customLong("all"), help: "Every deposit's distances to every gateway (one search from each gateway, on every core); with --format jsonl or geojsonseq, in the data's order, written as answered a chunk at a time.")
    var all = false

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var border: BorderOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && place != nil { throw ValidationError("give a place or --all, not both") }
        if !all && place == nil { throw ValidationError("give a place (a deposit, station or coordinates), or --all") }
        if !all, let format = output.format.stream {
            throw ValidationError("--format \(format.rawValue) is for every deposit's gateways (--all); give json or geojson for one place")
        }
    }

    func run() throws {
        try reportingErrors {
            let question = GatewaysQuestion(place: all ? nil : place, network: networkOptions.settings, transit: border.transit)
            if let format = output.format.stream {
                let (source, inputs) = try data.depositChunks(for: DataOptions.networkChunks)
                let out = try StreamedOutput(path: output.output, inputs: inputs)
                try question.stream(from: source, format: format, precision: output.precision) { try out.write($0) }
                return try out.finish()
            }
            let catalog = try data.loadNetworkCatalog(everything: output.format == .html)
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
