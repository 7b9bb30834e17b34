import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation

extension DataOptions {
    /// Where a question about every deposit reads them a chunk at a time, with the files an output must
    /// never replace. A store is read as it goes (a GeoPackage or a PostGIS database as a `DepositChunkSource`); GeoJSON is
    /// read whole, its deposits, rail and stations only, and the deposits handed out in file order.
    func depositChunks() throws -> (source: any DepositChunkSource, inputs: [URL]) {
        if let store {
            let location = StoreLocation(store, mapping: storeMapping)
            return (try location.depositChunks(), location.files)
        }
        var request = StoreRequest()
        request.nearestRail = 1  // GeoJSON: deposits, rail and stations (`layers(for:)`)
        let catalog = try loadCatalog(for: request)
        return (catalog, inputFiles(of: catalog))
    }
}
