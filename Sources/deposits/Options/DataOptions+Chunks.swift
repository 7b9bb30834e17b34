import DepositAnswers
import DepositIndex
import Foundation

extension DataOptions {
    /// Where a question about every deposit reads them a chunk at a time, with the files an output must
    /// never replace. A store is read as it goes (`CatalogStore` as a `DepositChunkSource`); GeoJSON is
    /// read whole, its deposits, rail and stations only, and the deposits handed out in file order.
    func depositChunks() throws -> (source: any DepositChunkSource, inputs: [URL]) {
        if let store {
            let source = try CatalogStore(path: store, access: .read)
            return (source, ["", "-wal", "-shm"].map { URL(fileURLWithPath: store + $0) })
        }
        var request = StoreRequest()
        request.nearestRail = 1  // GeoJSON: deposits, rail and stations (`layers(for:)`)
        let catalog = try loadCatalog(for: request)
        return (catalog, inputFiles(of: catalog))
    }
}
