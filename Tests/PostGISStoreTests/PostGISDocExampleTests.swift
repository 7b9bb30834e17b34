import DepositIndex
import DepositPostGIS
import Foundation
import XCTest

/// The examples in DepositPostGIS's doc comments, run as written against the bundled data (with the
/// test server's URL for the example's). Expected values: README's real runs (Upper Kairakty 35,212.27 m
/// to rail-ne-13309), which the GeoJSON path gives.
final class PostGISDocExampleTests: XCTestCase {
    /// `PostGISStore`.
    func testPostGISStoreExample() throws {
        let url = try PostgresTestServer.shared().createDatabase(name)
        let previous = FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(root.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        let store = try PostGISStore(url: url, access: .create)
        try store.importData(from: [URL(fileURLWithPath: "GeoData")])
        var request = StoreRequest()
        request.deposits = ["kz-w-001"]
        request.nearestRail = 1
        let answer = try store.catalog(for: request).nearestRail(to: .deposit("kz-w-001"))
        XCTAssertEqual(answer[0].railId, "rail-ne-13309")
        XCTAssertEqual(answer[0].distanceM, 35_212.27, accuracy: 0.005)
        // GeoData/deposits.geojson's 54 deposits, rail.geojson's 1,812 lines.
        XCTAssertEqual(try store.count(.deposits), 54)
        XCTAssertEqual(try store.count(.rail), 1812)
        XCTAssertEqual(store.layers, StoreLayer.allCases)
    }

    /// `ConnectionText` and `StoreLocation`.
    func testConnectionTextAndStoreLocationExamples() throws {
        XCTAssertTrue(ConnectionText.isPostgreSQL("postgresql://me:secret@db.example/catalog"))
        XCTAssertTrue(ConnectionText.isPostgreSQL("postgres:"))
        XCTAssertFalse(ConnectionText.isPostgreSQL("catalog.gpkg"))
        XCTAssertEqual(ConnectionText.redacted("postgresql://me:secret@db.example/catalog"), "postgresql://me:***@db.example/catalog")
        XCTAssertEqual(StoreLocation("postgresql://me@db.example/catalog").displayName, "postgresql://me@db.example/catalog")
        XCTAssertEqual(StoreLocation("postgresql://me:secret@db.example/catalog").displayName, "postgresql://me:***@db.example/catalog")
        XCTAssertEqual(StoreLocation("postgresql://me@db.example/catalog").files, [])
        XCTAssertEqual(StoreLocation("catalog.gpkg").files.map(\.lastPathComponent), ["catalog.gpkg", "catalog.gpkg-wal", "catalog.gpkg-shm"])
    }
}
