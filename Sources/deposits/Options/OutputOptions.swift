import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation
import Geo

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson, html
    /// Newline-delimited records written as they are answered (`AnswerStream`), for `--all` answers.
    case jsonl, geojsonseq

    /// The newline-delimited form, or nil for a format written as one document.
    var stream: AnswerStream.Format? { AnswerStream.Format(rawValue: rawValue) }
}

/// How an answer is written: a table for people, JSON for scripts, GeoJSON for map viewers, HTML for a
/// browser (a self-contained map page, `AnswerMapPage`).
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "table (default), json, geojson or html (a map page that opens offline; needs Debian's libjs-leaflet); for near-rail --all, region --all and gateways --all also jsonl (JSON Lines) or geojsonseq (GeoJSON text sequences, RFC 8142), one record per line written as it is answered, in the data's order.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Decimal places of GeoJSON coordinates (7 ≈ 1 cm).")
    var precision: Int = 7

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(OutputOptions.outputHelp, valueName: "FILE"))
    var output: String?

    /// The `-o` help every subcommand shows.
    static let outputHelp = "Write here instead of standard output: a file (replaced atomically, never an input), a FIFO or a device (written in place), or - for standard output."

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be between 0 and 15") }
    }

    var emitter: Emitter { Emitter(precision: precision, outputPath: output) }

    /// What a question's catalog must hold: a map page draws the whole country, regions and rail under
    /// the answer, so for `html` every layer is read.
    func widened(_ request: StoreRequest) -> StoreRequest { format == .html ? .all : request }

    /// Writes an answer. A table is text for a terminal: its control characters are escaped line by
    /// line (`TerminalText`), whatever line they come from; JSON and GeoJSON are written exactly (their
    /// encoders escape controls inside strings).
    func emit(_ text: String, inputs: [URL]) throws {
        try emitter.emit(format == .table ? TerminalText.escapedLines(text) : text, inputs: inputs)
    }
    func json<T: Encodable>(_ value: T) throws -> String { try emitter.json(value) }
    func geojson(_ features: [Feature]) throws -> String { try emitter.geojson(features) }
}

/// Writes answers where `-o` says (`OutputFile`: a regular file atomically, a FIFO or device in place,
/// never over an input) or to standard output.
struct Emitter {
    var precision: Int
    var outputPath: String?

    /// Writes the text to the output or standard output. A regular output file is written whole or not
    /// at all, and never over one of `inputs`; a failed write throws `OutputFailure`.
    func emit(_ text: String, inputs: [URL]) throws {
        let ending = text.hasSuffix("\n") ? text : text + "\n"
        if let output = outputPath {
            try OutputFile.write(Array(ending.utf8), to: output, inputs: inputs)
        } else {
            try StandardStreams.output(ending)
        }
    }

    /// A Codable answer as JSON (`AnswerText.json`, the encoder the server uses too).
    func json<T: Encodable>(_ value: T) throws -> String { try AnswerText.json(value) }

    /// Features as an RFC 7946 FeatureCollection (`AnswerText.geojson`).
    func geojson(_ features: [Feature]) throws -> String { try AnswerText.geojson(features, precision: precision) }
}

extension OutputOptions {
    /// Writes `answer` in the chosen format, to `-o` or standard output, never over one of the data's files.
    func write(_ answer: some CommandAnswer, catalog: Catalog, data: DataOptions) throws {
        let inputs = data.inputFiles(of: catalog)
        switch format {
        case .jsonl, .geojsonseq: throw Self.streamRefusal(format)
        case .json: try emit(json(answer), inputs: inputs)
        case .table: try emit(AnswerText.table(answer, catalog: catalog, bundled: data.isBundled), inputs: inputs)
        case .geojson: try emit(geojson(answer.features(catalog: catalog)), inputs: inputs)
        case .html: try emit(MapPageOutput.page(features: answer.features(catalog: catalog), title: answer.table(catalog: catalog),
                                                catalog: catalog, precision: precision, bundled: data.isBundled,
                                                layers: answer.attributedLayers), inputs: inputs)
        }
    }
}

extension OutputOptions {
    /// The refusal of a newline-delimited format for an answer that is one document.
    static func streamRefusal(_ format: OutputFormat) -> AnswerError {
        AnswerError(.usage, "--format \(format.rawValue) is for answers about every deposit (near-rail --all, region --all, gateways --all); give json or geojson for this one")
    }
}
