@testable import DepositIndex
import Foundation
import XCTest

/// Issue 14 item 4: many writers and readers against one catalog at once (`ManyWriters`), and `kill -9` of
/// a writer inside its transaction (`KilledWriter`), through the built `deposits` as users run it; on a
/// real PostgreSQL server (`PostgresTestServer`) and, for comparison, on a GeoPackage file.
final class ConcurrentEditsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("concurrent-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A PostGIS database holding the bundled catalog.
    private func postgisStore(_ name: String) throws -> String {
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase(name, postgis: true)
        let r = try DepositsRun.run(["import", try XCTUnwrap(Catalog.bundledDirectory).path, "--into", url])
        XCTAssertEqual(r.status, 0, r.stderr)
        return url
    }

    private func geoPackageStore() throws -> String {
        let path = directory.appendingPathComponent("catalog.gpkg").path
        let r = try DepositsRun.run(["import", try XCTUnwrap(Catalog.bundledDirectory).path, "--into", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return path
    }

    /// The issue's test: 8 writers and 8 readers for 60 s on one PostgreSQL database.
    func testEightWritersAndEightReadersForAMinuteOnPostGIS() throws {
        let store = try postgisStore("many_writers")
        let outcome = try ManyWriters(store: store, directory: directory,
                                      writers: 8, readers: 8, seconds: 60, cellCorner: Self.steppeCell).run()
        Self.check(outcome)
        XCTAssertEqual(outcome.busy, 0, "PostgreSQL writers wait their turn")
    }

    /// The same race on a GeoPackage for 20 s; a writer there may give up after 10 s of waiting (73, nothing
    /// written), which the ledger counts as not stored for an add and as still stored for a remove.
    func testManyWritersAndReadersOnAGeoPackage() throws {
        let store = try geoPackageStore()
        let outcome = try ManyWriters(store: store, directory: directory,
                                      writers: 8, readers: 8, seconds: 20, cellCorner: Self.steppeCell, allowBusy: true).run()
        Self.check(outcome)
    }

    func testKilledAddsLeavePostGISAsBefore() throws {
        let store = try postgisStore("killed_writer")
        let result = try KilledWriter(store: store, directory: directory, blocks: 1500,
                                      blockCorner: Self.steppeBlock).run(fractions: [0.2, 0.4, 0.6, 0.8, 0.95])
        Self.check(result)
        // No session of a killed writer is left holding the edit lock or a transaction open.
        let server = try PostgresTestServer.shared()
        let open = try server.psql("killed_writer", "SELECT count(*) FROM pg_stat_activity WHERE datname = 'killed_writer' AND state LIKE 'idle in transaction%'")
        XCTAssertEqual(open.trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    func testKilledAddsLeaveAGeoPackageAsBefore() throws {
        let store = try geoPackageStore()
        let result = try KilledWriter(store: store, directory: directory, blocks: 1500,
                                      blockCorner: Self.steppeBlock).run(fractions: [0.2, 0.4, 0.6, 0.8, 0.95])
        Self.check(result)
    }

    /// Cells 0.1° apart in rows of 40 from 47.0°N 66°E, on the steppe south of Karaganda: inside Kazakhstan,
    /// km from any bundled deposit.
    static let steppeCell: @Sendable (Int) -> (lon: Double, lat: Double) = { n in
        (66.0 + Double(n % 40) * 0.1, 47.0 + Double(n / 40) * 0.05)
    }

    /// Block n of a big survey: 50 blocks a row, 0.03° apart, from 45.5°N 62°E (the steppe north of the
    /// Aral Sea, inside Kazakhstan, far from the bundled deposits and from the race's cells).
    static let steppeBlock: @Sendable (Int) -> (lon: Double, lat: Double) = { n in
        (62.0 + Double(n % 50) * 0.03, 45.5 + Double(n / 50) * 0.03)
    }

    static func check(_ o: ManyWriters.Outcome, file: StaticString = #filePath, line: UInt = #line) {
        print("many writers: \(o.adds) adds committed, \(o.busy) adds and \(o.busyRemoves) removes gave up on a busy store, \(o.refusals) refused as duplicates, \(o.removes) removes, \(o.listings) whole listings; \(o.finalTestIDs.count / 2) pairs stored at the end")
        XCTAssertEqual(o.problems, [], file: file, line: line)
        XCTAssertEqual(o.finalTestIDs, o.ledgerIDs, "the store holds exactly what the writers committed", file: file, line: line)
        XCTAssertGreaterThan(o.adds, 0, "the writers committed something", file: file, line: line)
        XCTAssertGreaterThan(o.refusals, 0, "the writers raced for cells", file: file, line: line)
        XCTAssertGreaterThan(o.listings, 0, "the readers read", file: file, line: line)
    }

    static func check(_ r: (fullSeconds: Double, rounds: [KilledWriter.Round], addAfterwards: Int32), file: StaticString = #filePath, line: UInt = #line) {
        print("killed writer: an uninterrupted add took \(String(format: "%.2f", r.fullSeconds)) s; " +
              r.rounds.map { "killed at \(String(format: "%.2f", $0.afterSeconds)) s: \($0.state)" }.joined(separator: "; "))
        for round in r.rounds { XCTAssertTrue(["before", "after"].contains(round.state), "killed at \(round.afterSeconds) s: \(round.state)", file: file, line: line) }
        XCTAssertTrue(r.rounds.contains { $0.state == "before" }, "at least one kill landed inside the transaction", file: file, line: line)
        XCTAssertEqual(r.addAfterwards, 0, "an add after the kills goes through (no lock left behind)", file: file, line: line)
    }
}
