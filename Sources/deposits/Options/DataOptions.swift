import ArgumentParser
import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation

/// Where the answers come from: the bundled GeoData, another directory in its schema, or a store.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A directory in the GeoData schema to read instead of the bundled data.", valueName: "DIR"))
    var directory: String?

    @Option(name: .customLong("store"), help: ArgumentHelp("A GeoPackage made by `deposits import`, or a PostgreSQL/PostGIS database by URL (postgresql://user@host:port/db; postgresql: alone for the PG* variables), to answer from; only the features near the question are read.", valueName: "FILE | URL"))
    var store: String?

    @Option(name: .customLong("store-mapping"), help: ArgumentHelp("With --store postgresql://...: a JSON file naming the team's own tables and columns per layer, read in place, read-only (see README, \"Starting from an existing PostGIS database\").", valueName: "FILE"))
    var storeMapping: String?

    func validate() throws {
        if directory != nil, store != nil { throw ValidationError("give --data or --store, not both") }
        if storeMapping != nil, !(store.map(ConnectionText.isPostgreSQL) ?? false) {
            throw ValidationError("--store-mapping reads a PostgreSQL database's own tables: give it with --store postgresql://...")
        }
    }

    /// True when answering from the bundled GeoData (whose licences ask for attribution).
    var isBundled: Bool { directory == nil && store == nil }

    /// The catalog to answer from. From a store, only what `request` needs is read (see `StoreRequest`);
    /// from GeoJSON, only the layers it needs (`layers(for:)`), which keeps a shell question quick.
    func loadCatalog(for request: StoreRequest = .all) throws -> Catalog {
        if let store {
            // The store says what is wrong: a path missing, a directory, a FIFO, a link loop; a server unreachable.
            return try StoreLocation(store, mapping: storeMapping).catalog(for: request)
        }
        if let directory {
            guard let found = FileIdentity(path: directory) else { throw AnswerError(.badData, "--data \(directory): no such directory") }
            guard found.kind == .directory else { throw AnswerError(.badData, "--data \(directory): \(found.kind), not a directory") }
            return try Catalog(directory: URL(fileURLWithPath: directory), layers: Self.layers(for: request))
        }
        return try Catalog.bundled(layers: Self.layers(for: request))
    }

    /// The catalog a `route`, `gateways` or `network` question reads: from GeoJSON every layer but the
    /// regions (deposits, rail, stations, corridors, the country outline), from a store every layer.
    /// `everything` reads every layer (for a map page, which draws the regions too).
    func loadNetworkCatalog(everything: Bool = false) throws -> Catalog {
        if store != nil || everything { return try loadCatalog(for: .all) }
        return try loadCatalog(for: RouteQuestion.networkRequest)
    }

    /// The GeoJSON layers a request's answer reads: deposits and rail always (every data directory has
    /// them), stations for nearest rail (each line's nearest station) or nearest stations, regions and
    /// corridors when asked about; stations and the country for the rail network (`network`); everything
    /// for lists, exports and validation.
    static func layers(for request: StoreRequest) -> Catalog.Layers {
        if request.everything { return .all }
        var layers: Catalog.Layers = [.deposits, .rail]
        if request.nearestRail > 0 || request.nearestStations > 0 { layers.insert(.stations) }
        if request.regionsAround || !request.regions.isEmpty { layers.insert(.regions) }
        if request.corridors || !request.corridorDeposits.isEmpty { layers.insert(.corridors) }
        if request.network { layers.formUnion([.stations, .country]) }
        return layers
    }

    /// The files an output must never replace.
    func inputFiles(of catalog: Catalog) -> [URL] {
        if let store { return StoreLocation(store).files }
        return catalog.layerFiles
    }
}
