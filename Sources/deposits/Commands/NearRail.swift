import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

struct NearRail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "near-rail",
        abstract: "Distance from a deposit or a point to the nearest rail line(s), and the station nearest that rail point."
    )

    @Argument(help: "A deposit (id, name or alias) or coordinates, latitude first: 48.683,73.283, -33.87 151.21 or 48°41'N 73°17'E.")
    var place: String?

    @Flag(name: .customLong("all"), help: "Every deposit instead of one place, nearest to rail first (measured on every core); with --format jsonl or geojsonseq, in the data's order, written as answered a chunk at a time.")
    var all = false

    @Option(name: .shortAndLong, help: "How many rail lines, nearest first.")
    var k: Int = 1

    @Option(name: .customLong("max-km"), help: "Leave out lines farther than this many km.")
    var maxKm: Double?

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && place != nil { throw ValidationError("give a place or --all, not both") }
        if !all && place == nil { throw ValidationError("give a deposit or coordinates, or --all for every deposit") }
        if !all, let format = output.format.stream {
            throw ValidationError("--format \(format.rawValue) is for every deposit's answer (--all); give json or geojson for one place")
        }
        try ValidationError.from { try NearRailForEveryDepositQuestion(k: k, maxKm: maxKm).check() }
    }

    func run() throws {
        guard let place else { return try runForEveryDeposit() }
        try reportingErrors {
            let question = NearRailQuestion(place: place, k: k, maxKm: maxKm)
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}

extension NearRail {
    private func runForEveryDeposit() throws {
        try reportingErrors {
            let question = NearRailForEveryDepositQuestion(k: k, maxKm: maxKm)
            if let format = output.format.stream {
                let (source, inputs) = try data.depositChunks()
                let out = try StreamedOutput(path: output.output, inputs: inputs)
                try question.stream(from: source, format: format, precision: output.precision) { try out.write($0) }
                return try out.finish()
            }
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
