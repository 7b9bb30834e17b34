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

    static func check(_ o: ManyWriters.Outcome, file: StaticString = #filePath, line: UInt = #line) {
        print("many writers: \(o.adds) adds committed, \(o.busy) gave up on a busy store, \(o.refusals) refused as duplicates, \(o.removes) removes, \(o.listings) whole listings; \(o.finalTestIDs.count / 2) pairs stored at the end")
        XCTAssertEqual(o.problems, [], file: file, line: line)
        XCTAssertEqual(o.finalTestIDs, o.ledgerIDs, "the store holds exactly what the writers committed", file: file, line: line)
        XCTAssertGreaterThan(o.adds, 8, "the writers committed something", file: file, line: line)
        XCTAssertGreaterThan(o.refusals, 0, "the writers raced for cells", file: file, line: line)
        XCTAssertGreaterThan(o.listings, 8, file: file, line: line)
    }
}
