import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation

extension DataOptions {
    /// Where a question about every deposit reads them a chunk at a time, with the files an output must
    /// never replace. A store is read as it goes (a GeoPackage or a PostGIS database as a `DepositChunkSource`); GeoJSON is
    /// read whole, the layers `request` names (`layers(for:)`: for near-rail, deposits, rail and stations),
    /// and the deposits handed out in file order.
    func depositChunks(for request: StoreRequest = Self.nearRailChunks) throws -> (source: any DepositChunkSource, inputs: [URL]) {
        if let store {
            let location = StoreLocation(store, mapping: storeMapping)
            return (try location.depositChunks(), location.files)
        }
        let catalog = try loadCatalog(for: request)
        return (catalog, inputFiles(of: catalog))
    }

    /// What `near-rail --all` reads from GeoJSON: deposits, rail and stations.
    static var nearRailChunks: StoreRequest {
        var request = StoreRequest()
        request.nearestRail = 1
        return request
    }

    /// GeoJSON's layers for every deposit's gateways: deposits, rail, stations and the country outline
    /// (`layers(for:)`; no corridors, which the distances do not read).
    static var networkChunks: StoreRequest {
        var request = StoreRequest()
        request.network = true
        return request
    }
}
