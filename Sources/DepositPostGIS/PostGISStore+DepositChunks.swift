import DepositIndex
import Foundation

extension PostGISStore: DepositChunkSource {
    /// The layers asked for, read whole once, then the deposits in fid order a chunk at a time through a
    /// server-side cursor, all in one `REPEATABLE READ READ ONLY` transaction (see `DepositChunkSource`):
    /// what the client holds at once is those layers and one chunk, whatever the size of the table.
    ///
    ///     let store = try PostGISStore(url: "postgresql:///catalog", access: .read)
    ///     var rail: Catalog?, answers = [DepositRail]()
    ///     try store.forEachDepositChunk(size: 4096, reading: [.rail, .stations], start: { rail = $0 }) { chunk in
    ///         answers += try rail!.nearestRail(for: chunk)  // answers[0]: kz-w-001, 35,212.27 m to rail-ne-13309
    ///     }
    ///
    /// Deposits come whole whatever `properties` says (one selection serves every question here).
    public func forEachDepositChunk(size: Int, reading layers: Catalog.Layers, properties: Bool, start: (Catalog) throws -> Void,
                                    _ body: ([Deposit]) throws -> Void) throws {
        try snapshot {
            var read = [StoreLayer: [StoredFeature]]()
            for layer in self.layers where layer != .deposits && layers.contains(layer.catalogLayer) {
                read[layer] = try allFeatures(layer)
            }
            try start(catalog(read))
            read = [:]
            guard let select = selection(.deposits) else { return }
            try db.execute("DECLARE deposit_chunks NO SCROLL CURSOR FOR \(select) ORDER BY t.fid")
            let size = max(1, size)
            while true {
                let chunk = try decode(try db.query("FETCH FORWARD \(size) FROM deposit_chunks"), .deposits)
                if chunk.isEmpty { break }
                try body(chunk.map(StoredRecords.deposit))
            }
        }
    }
}
