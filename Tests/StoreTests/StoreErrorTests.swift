@testable import DepositIndex
import Foundation
import XCTest

/// SQLite's result codes become plain `StoreError`s in one place (`StoreError(_: SQLiteError)`), and a
/// store says which layers it holds and refuses a question needing one it lacks.
final class StoreErrorTests: XCTestCase {
    private func mapped(_ code: Int32, path: String, readOnly: Bool = false) -> StoreError? {
        StoreError(SQLiteError(code: code, message: "m", context: "c", path: path, readOnly: readOnly))
    }

    func testSQLiteCodesMapToPlainStoreErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("catalog.gpkg").path
        XCTAssertTrue(FileManager.default.createFile(atPath: store, contents: Data()))
        // Codes from sqlite3.h: 5 BUSY, 8 READONLY, 10 IOERR, 11 CORRUPT, 13 FULL, 14 CANTOPEN, 26 NOTADB.
        XCTAssertEqual(mapped(5, path: store), .busy(path: store, waitedSeconds: 10))
        XCTAssertEqual(mapped(13, path: store), .ioFailure(path: store, "the disk is full; nothing of this import or edit was written"))
        XCTAssertEqual(mapped(10, path: store), .ioFailure(path: store, "m"))
        XCTAssertEqual(mapped(11, path: store), .notAStore(path: store, "the file is damaged (m)"))
        XCTAssertEqual(mapped(26, path: store), .notAStore(path: store, "not an SQLite database (a GeoPackage is one)"))
        XCTAssertEqual(mapped(14, path: dir.path), .cannotWrite(path: dir.path, "it is a directory; give a file name"))
        let nowhere = dir.appendingPathComponent("missing/catalog.gpkg").path
        XCTAssertEqual(mapped(14, path: nowhere), .cannotWrite(path: nowhere, "no such directory \(dir.path)/missing"))
        if case .cannotRead? = mapped(8, path: store, readOnly: true) {} else { XCTFail("a reader's failure is not a write failure") }
        // Our own faults (a constraint, a misuse) stay SQLiteErrors: exit 1, not a user's problem.
        XCTAssertNil(mapped(19, path: store))
        XCTAssertNil(mapped(21, path: store))
    }

    func testStoreKnowsItsLayersAndRefusesQuestionsNeedingAbsentOnes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CatalogStore(path: dir.appendingPathComponent("catalog.gpkg").path, access: .create)
        try store.importData(from: [try bundledData().appendingPathComponent("deposits.geojson")])
        XCTAssertEqual(store.layers, [.deposits])
        XCTAssertEqual(try store.catalog().presentLayers, [.deposits])
        var request = StoreRequest()
        request.deposits = ["kz-w-001"]
        XCTAssertEqual(try store.catalog(for: request).presentLayers, [.deposits])
        request.nearestRail = 1
        XCTAssertThrowsError(try store.catalog(for: request)) { error in
            XCTAssertEqual(error as? StoreError, .missingLayer(path: store.path, layer: .rail, neededFor: "the distance to rail"))
        }
        // In-memory catalogs hold every layer they were given, the country only when given.
        XCTAssertEqual(Catalog(deposits: [], rail: []).presentLayers, Catalog.Layers.all.subtracting(.country))
    }

    /// A library user gets the same refusals as the command line: unknown ids, a survey without ids.
    func testRemoveOfUnknownIDsAndAddWithoutIDsAreRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CatalogStore(path: dir.appendingPathComponent("catalog.gpkg").path, access: .create)
        try store.importData(from: [try bundledData()])
        XCTAssertThrowsError(try store.removeDeposits(ids: ["kz-w-001", "nope"])) { error in
            XCTAssertEqual(error as? StoreError, .unknownIDs(path: store.path, ["nope"]))
        }
        let wkt = dir.appendingPathComponent("block.wkt")
        try "POLYGON((72.5 47.2, 72.51 47.2, 72.51 47.21, 72.5 47.21, 72.5 47.2))".write(to: wkt, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try store.addSurvey(files: [wkt])) { error in
            guard case .refused(let why)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(why.contains("WKT survey"), why)
        }
        XCTAssertEqual(try store.count(.deposits), 54)  // GeoData/deposits.geojson holds 54 deposits
    }
}
