/// Where a question about every deposit reads them a chunk at a time, so that what it holds at once is the
/// other layers it needs and one chunk of deposits, not the whole catalog. A `Catalog` hands out its own
/// deposits in catalog order; a `CatalogStore` reads them from its table in fid order (the order they were
/// imported in), all inside one read transaction, so a writer's change is seen whole or not at all.
///
///     let catalog = try Catalog.bundled()
///     var answered = 0
///     try catalog.forEachDepositChunk(size: 100, reading: [.rail, .stations], start: { _ in }) { chunk in
///         answered += try catalog.nearestRail(for: chunk).count
///     }
///     // answered == catalog.deposits.count
public protocol DepositChunkSource {
    /// Calls `start` once with a catalog of `layers` (those of them the source holds; its
    /// `presentLayers` also say whether the source has a deposits layer at all, though the catalog holds
    /// none of the deposits), then `body` with each chunk of at most `size` deposits, in the source's order.
    ///
    /// With `properties` false a source may hand out each deposit as its id, name and geometry alone
    /// (aliases, commodities and every other property left empty): all that an answer naming and
    /// measuring deposits shows of them (`near-rail --all` as JSON Lines), read at a fraction of the cost.
    func forEachDepositChunk(size: Int, reading layers: Catalog.Layers, properties: Bool, start: (Catalog) throws -> Void,
                             _ body: ([Deposit]) throws -> Void) throws
}

extension DepositChunkSource {
    /// Every deposit whole, with all its properties.
    public func forEachDepositChunk(size: Int, reading layers: Catalog.Layers, start: (Catalog) throws -> Void,
                                    _ body: ([Deposit]) throws -> Void) throws {
        try forEachDepositChunk(size: size, reading: layers, properties: true, start: start, body)
    }
}

extension Catalog: DepositChunkSource {
    /// The catalog itself to `start`, then its deposits in catalog order, whole (they are in memory
    /// already, whatever `properties` says).
    public func forEachDepositChunk(size: Int, reading layers: Catalog.Layers, properties: Bool, start: (Catalog) throws -> Void,
                                    _ body: ([Deposit]) throws -> Void) throws {
        try start(self)
        let size = max(1, size)
        for first in stride(from: 0, to: deposits.count, by: size) {
            try body(Array(deposits[first..<min(deposits.count, first + size)]))
        }
    }
}
