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
    var subject: String?

    @Flag(name: .customLong("all"), help: "Every located deposit's region shares instead of one subject, in the data's order (measured on every core); with --format jsonl or geojsonseq, written as answered a chunk at a time.")
    var all = false

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && subject != nil { throw ValidationError("give a deposit, coordinates or a region, or --all, not both") }
        if !all && subject == nil { throw ValidationError("give a deposit, coordinates or a region, or --all for every deposit") }
        if !all, let format = output.format.stream {
            throw ValidationError("--format \(format.rawValue) is for every deposit's answer (--all); give json or geojson for one subject")
        }
    }

    func run() throws {
        guard let subject else { return try runForEveryDeposit() }
        try reportingErrors {
            let question = RegionQuestion(subject: subject)
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}

extension RegionCommand {
    private func runForEveryDeposit() throws {
        try reportingErrors {
            let question = RegionForEveryDepositQuestion()
            if let format = output.format.stream {
                var request = StoreRequest()
                request.regionsAround = true  // GeoJSON: deposits and regions (`layers(for:)`)
                let (source, inputs) = try data.depositChunks(for: request)
                let out = try StreamedOutput(path: output.output, inputs: inputs)
                try question.stream(from: source, format: format, precision: output.precision) { try out.write($0) }
                return try out.finish()
            }
            let catalog = try data.loadCatalog(for: output.widened(question.storeRequest()))
            try output.write(question.answer(catalog: catalog), catalog: catalog, data: data)
        }
    }
}
