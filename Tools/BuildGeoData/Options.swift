import Foundation

/// Command-line options; paths are relative to the working directory, which is the package root.
struct Options {
    var raw = URL(fileURLWithPath: "../shared/data/raw")
    var out = URL(fileURLWithPath: "GeoData")
    var sources = URL(fileURLWithPath: "Tools/BuildGeoData/sources")

    static let usage = """
        usage: BuildGeoData [--raw DIR] [--out DIR] [--sources DIR]
          --raw DIR      raw public sources (default ../shared/data/raw)
          --out DIR      where the layers are written (default GeoData)
          --sources DIR  hand-made, sourced inputs (default Tools/BuildGeoData/sources)
        """

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst(), ["--raw", "--out", "--sources"].contains(flag) else {
                throw BuildError(flag == "--help" || flag == "-h" ? Options.usage : "unknown or incomplete option \(flag)\n\(Options.usage)")
            }
            let url = URL(fileURLWithPath: value)
            switch flag {
            case "--raw": raw = url
            case "--out": out = url
            default: sources = url
            }
        }
    }
}
