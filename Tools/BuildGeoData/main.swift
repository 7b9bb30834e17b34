import DepositIndex
import Foundation

// Rebuilds GeoData/ from the raw sources: `swift run --scratch-path .build-data BuildGeoData` from the package root.
do {
    let options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    let inputs = try Inputs.load(raw: options.raw, sources: options.sources)
    let build = try Build(inputs: inputs)
    try FileManager.default.createDirectory(at: options.out, withIntermediateDirectories: true)
    for (name, text) in build.files {
        try AtomicFile.write(text, to: options.out.appendingPathComponent(name), inputs: inputs.files)
    }
    for (layer, n) in build.report.counts { print("\(layer): \(n) features") }
    print("wrote \(build.files.count) files to \(options.out.path)")
} catch {
    FileHandle.standardError.write(Data("BuildGeoData: \(error)\n".utf8))
    exit(1)
}
