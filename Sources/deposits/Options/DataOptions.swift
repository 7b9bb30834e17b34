import ArgumentParser
import DepositIndex
import Foundation

/// Where the answers come from: the bundled GeoData, or another directory in its schema.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A directory in the GeoData schema to read instead of the bundled data.", valueName: "DIR"))
    var directory: String?

    /// True when answering from the bundled GeoData (whose licences ask for attribution).
    var isBundled: Bool { directory == nil }

    func loadCatalog() throws -> Catalog {
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UserFacingError(.badData, "--data \(directory): no such directory")
            }
            return try Catalog(directory: URL(fileURLWithPath: directory))
        }
        return try Catalog.bundled()
    }

    /// The files an output must never replace.
    func inputFiles(of catalog: Catalog) -> [URL] {
        ["deposits", "rail", "stations", "corridors", "regions", "country"].map {
            catalog.directory.appendingPathComponent("\($0).geojson")
        }
    }
}
