import Foundation

extension CatalogStore: DepositChunkSource {
    /// The layers asked for, read whole once, then the deposits in fid order a chunk at a time (see
    /// `DepositChunkSource`); one read transaction over it all. Without `properties`, only the id, name
    /// and geometry columns are read: at 100,000 deposits the other columns (JSON arrays parsed, a
    /// property list per row) were two thirds of the reading thread's instructions.
    ///
    ///     let store = try CatalogStore(path: "catalog.gpkg", access: .read)
    ///     var rail: Catalog?, answers = [DepositRail]()
    ///     try store.forEachDepositChunk(size: 4096, reading: [.rail, .stations], start: { rail = $0 }) { chunk in
    ///         answers += try rail!.nearestRail(for: chunk)  // answers[0]: kz-w-001, 35,212.27 m to rail-ne-13309
    ///     }
    public func forEachDepositChunk(size: Int, reading layers: Catalog.Layers, properties: Bool, start: (Catalog) throws -> Void,
                                    _ body: ([Deposit]) throws -> Void) throws {
        try db.snapshot {
            try refreshLayerFacts()
            var read = [StoreLayer: [StoredFeature]]()
            for layer in self.layers where layer != .deposits && layers.contains(layer.catalogLayer) {
                read[layer] = try allFeatures(layer)
            }
            try start(catalog(read))
            read = [:]
            let size = max(1, size)
            var chunk = [Deposit]()
            chunk.reserveCapacity(size)
            try forEachFeature(.deposits, columns: properties ? nil : ["name"]) { feature in
                chunk.append(StoredRecords.deposit(feature))
                if chunk.count == size {
                    try body(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { try body(chunk) }
        }
    }
}
