@testable import DepositIndex
import Foundation
import XCTest

/// Issue 14 item 4 on the GeoPackage store: many writers and readers at once (see `ManyWriters`).
final class ManyWritersTests: XCTestCase {
    func testManyWritersAndReadersOnAGeoPackage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("many-writers-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("catalog.gpkg").path
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        XCTAssertEqual(try CLIRunner.run(["import", bundled.path, "--into", store]).status, 0)
        let outcome = try ManyWriters(executable: CLIRunner.executable, store: store, directory: directory,
                                      writers: 8, readers: 8, seconds: 20, cellCorner: Self.steppeCell, allowBusy: true).run()
        Self.check(outcome)
    }

    /// Cells 0.05° apart on a 40 x n grid of the steppe south of Karaganda (47.0–49.0°N from 66°E), km from
    /// any bundled deposit, inside Kazakhstan.
    static let steppeCell: @Sendable (Int) -> (lon: Double, lat: Double) = { n in
        (66.0 + Double(n % 40) * 0.1, 47.0 + Double(n / 40) * 0.05)
    }

    /// Block n of a big survey: 50 blocks a row, 0.03° apart, from 45.5°N 62°E (the steppe north of the
    /// Aral Sea, inside Kazakhstan, far from the bundled deposits and from the race's cells).
    static let steppeBlock: @Sendable (Int) -> (lon: Double, lat: Double) = { n in
        (62.0 + Double(n % 50) * 0.03, 45.5 + Double(n / 50) * 0.03)
    }

    static func check(_ o: ManyWriters.Outcome, file: StaticString = #filePath, line: UInt = #line) {
        print("many writers: \(o.adds) adds committed, \(o.busy) gave up on a busy store, \(o.refusals) refused as duplicates, \(o.removes) removes, \(o.listings) whole listings; \(o.finalTestIDs.count / 2) pairs stored at the end")
        XCTAssertEqual(o.problems, [], file: file, line: line)
        XCTAssertEqual(o.finalTestIDs, o.ledgerIDs, "the store holds exactly what the writers committed", file: file, line: line)
        XCTAssertGreaterThan(o.adds, 0, "the writers committed something", file: file, line: line)
        XCTAssertGreaterThan(o.refusals, 0, "the writers raced for cells", file: file, line: line)
        XCTAssertGreaterThan(o.listings, 0, "the readers read", file: file, line: line)
    }
}

/// Issue 14 item 4 on the GeoPackage store: `kill -9` of an add mid-transaction (see `KilledWriter`).
final class KilledWriterTests: XCTestCase {
    func testKilledAddsLeaveAGeoPackageAsBefore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("killed-writer-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("catalog.gpkg").path
        XCTAssertEqual(try CLIRunner.run(["import", try XCTUnwrap(Catalog.bundledDirectory).path, "--into", store]).status, 0)
        let result = try KilledWriter(executable: CLIRunner.executable, store: store, directory: directory, blocks: 1500,
                                      blockCorner: ManyWritersTests.steppeBlock).run(fractions: [0.2, 0.4, 0.6, 0.8, 0.95])
        KilledWriterTests.check(result)
    }

    static func check(_ r: (fullSeconds: Double, rounds: [KilledWriter.Round], addAfterwards: Int32), file: StaticString = #filePath, line: UInt = #line) {
        print("killed writer: an uninterrupted add took \(String(format: "%.2f", r.fullSeconds)) s; " +
              r.rounds.map { "killed at \(String(format: "%.2f", $0.afterSeconds)) s: \($0.state)" }.joined(separator: "; "))
        for round in r.rounds { XCTAssertTrue(["before", "after"].contains(round.state), "killed at \(round.afterSeconds) s: \(round.state)", file: file, line: line) }
        XCTAssertTrue(r.rounds.contains { $0.state == "before" }, "at least one kill landed inside the transaction", file: file, line: line)
        XCTAssertEqual(r.addAfterwards, 0, "an add after the kills goes through (no lock left behind)", file: file, line: line)
    }
}
