import Foundation

extension Catalog {
    /// The directory of the bundled GeoData, wherever the program runs from. Looked for, in order:
    /// `$DEPOSITS_DATA`; a `GeoData` folder beside the running executable (an installed copy); the
    /// `GeoData/` folder of the source tree this library was compiled from (a clone built in place,
    /// run from any working directory). Nil when none holds a `deposits.geojson`. When `$DEPOSITS_DATA`
    /// is set it is the only candidate: a mistyped path must not be answered from other data.
    ///
    /// Why not a SwiftPM resource: SwiftPM copies a symlinked resource as the link itself, which dangles
    /// inside the build folder, and GeoData/ lives at the package root where the data build writes it.
    public static var bundledDirectory: URL? {
        var candidates = [URL]()
        if let env = dataVariable {
            let directory = URL(fileURLWithPath: env)
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent("deposits.geojson").path) ? directory : nil
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("GeoData"))
        // Sources/DepositIndex/Catalog/BundledData.swift -> the package root.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData"))
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("deposits.geojson").path)
        }
    }

    /// Loads the bundled GeoData.
    public static func bundled() throws -> Catalog {
        try Catalog(directory: try requireBundledDirectory())
    }

    /// `$DEPOSITS_DATA`, when set and not empty.
    static var dataVariable: String? {
        ProcessInfo.processInfo.environment["DEPOSITS_DATA"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func requireBundledDirectory() throws -> URL {
        if bundledDirectory == nil, let env = dataVariable {
            throw CatalogError(directory: env, problems: [
                CatalogProblem(file: "deposits.geojson", feature: nil,
                               message: "missing: $DEPOSITS_DATA names \(env), which holds no deposits.geojson; point it at a data directory or unset it"),
            ])
        }
        guard let directory = bundledDirectory else {
            throw CatalogError(directory: "(bundled GeoData)", problems: [
                CatalogProblem(file: "deposits.geojson", feature: nil,
                               message: "no bundled GeoData found ($DEPOSITS_DATA, beside the program, or in the source tree); pass a data directory instead"),
            ])
        }
        return directory
    }
}
