@testable import DepositIndex
import Foundation
import XCTest

/// A row that fails while an import writes a layer stops the layer's R-tree builds (`RTreeBuildStop`, looked
/// at between batches of `RTreeBuild.batchSize` inserts), so the error is reported at once rather than after
/// two whole trees nobody will copy in; and the store is left as it was. The row fails as on a full disk:
/// `PRAGMA max_page_count` lets the file grow by 50 pages, and the next page SQLite asks for is `SQLITE_FULL`.
/// No clock decides the outcome: each build is held after each batch until the import has stopped it, so a
/// build that was not stopped is seen (it waits out the 60 s guard) instead of being timed.
final class FailingRowStopsRTreeBuildsTests: XCTestCase {
    func testAFailingRowStopsTheRTreeBuildsAndLeavesTheStoreAsBefore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try bundledStore(in: dir).store
        let before = try state(of: store)
        XCTAssertEqual(before.deposits.count, try store.count(.deposits), "the bundled deposits are there to keep")

        // 10,000 point deposits: each of the layer's two R-trees has 10,000 entries, 3 batches of at most 4096.
        let count = 10_000
        let file = dir.appendingPathComponent("deposits.geojson")
        try Data(Self.points(count).utf8).write(to: file)
        let fullBatches = 2 * ((count + RTreeBuild.batchSize - 1) / RTreeBuild.batchSize)
        XCTAssertEqual(fullBatches, 6)

        let pages = try XCTUnwrap(try store.db.integer("PRAGMA page_count"))
        try store.db.execute("PRAGMA max_page_count = \(pages + 50)")
        let watch = BatchWatch()
        store.afterRTreeBatch = { watch.hold($0) }
        XCTAssertThrowsError(try store.importData(from: [file])) { error in
            // The error the CLI reports today, unchanged: SQLITE_FULL (13), i.e. "the disk is full" with exit 74.
            let e = error as? SQLiteError
            XCTAssertEqual(e?.code, 13, "\(error)")
            XCTAssertEqual(e.flatMap(StoreError.init), .ioFailure(path: store.path, "the disk is full; nothing of this import or edit was written"))
        }
        store.afterRTreeBatch = nil
        try store.db.execute("PRAGMA max_page_count = 4294967294")

        XCTAssertFalse(watch.timedOut, "a build went on after the row failed (held 60 s without being stopped)")
        // Each build stopped within the batch it was at when the row failed (held after it): at most 1
        // batch each, where a whole build does 3. (A build the failure met before its first batch did 0.)
        XCTAssertLessThanOrEqual(watch.batches, 2, "batches done of \(fullBatches)")
        XCTAssertEqual(watch.calls, watch.batches, "the hook saw every batch")

        XCTAssertEqual(try state(of: store), before, "the store as before the import")
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(try store.db.integer("SELECT rtreecheck('rtree_deposits_geom') = 'ok'"), 1)
        // The same store takes the same import once it may grow: the layer is replaced by the 10,000.
        try store.importData(from: [file])
        XCTAssertEqual(try store.count(.deposits), count)
    }

    /// What a failed import must leave as it was: the layers, their feature counts, the deposits' ids in
    /// fid order, and the deposits' R-tree entries.
    private struct StoreState: Equatable {
        var layers: [StoreLayer]
        var counts: [Int]
        var deposits: [String]
        var rtreeEntries: Int64?
    }

    private func state(of store: CatalogStore) throws -> StoreState {
        var ids = [String]()
        let s = try store.db.prepare("SELECT id FROM deposits ORDER BY fid")
        try s.bind([])
        while try s.step() { ids.append(s.text(0) ?? "") }
        return StoreState(layers: store.layers, counts: try store.layers.map { try store.count($0) }, deposits: ids,
                          rtreeEntries: try store.db.integer("SELECT count(*) FROM rtree_deposits_geom"))
    }

    /// `n` point deposits on a 0.01° grid from 45°N 60°E, with every property a catalog deposit needs.
    private static func points(_ n: Int) -> String {
        let features = (0..<n).map { i in
            """
            {"type":"Feature","id":"t-\(i)","properties":{"name":"Test \(i)","aliases":[],"commodities":["W"],\
            "status":"exploration","footprint":"not_located","location_precision_m":100,"source":"stop test"},\
            "geometry":{"type":"Point","coordinates":[\(60 + Double(i % 100) / 100),\(45 + Double(i / 100) / 100)]}}
            """
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ",\n"))]}"
    }

    /// Counts the builds' batches and holds each build after each batch until it is stopped (at most 60 s,
    /// once: a build not stopped by then is a failure already).
    private final class BatchWatch: @unchecked Sendable {
        private let lock = NSLock()
        private var seen = 0, late = false
        private var stop: RTreeBuildStop?

        func hold(_ stop: RTreeBuildStop) {
            // After one guard has run out, the test has failed; later batches are not held.
            if lock.withLock({ seen += 1; self.stop = stop; return late }) { return }
            let guardEnd = Date().addingTimeInterval(60)
            while !stop.isStopped {
                if Date() > guardEnd { lock.withLock { late = true }; return }
                usleep(1000)
            }
        }

        var calls: Int { lock.withLock { seen } }
        var batches: Int { lock.withLock { stop?.batchesDone ?? 0 } }
        var timedOut: Bool { lock.withLock { late } }
    }
}
