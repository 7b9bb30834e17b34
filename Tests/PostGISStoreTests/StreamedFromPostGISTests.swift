@testable import DepositIndex
import Foundation
import XCTest

/// `near-rail --all`, `region --all` and `gateways --all` streamed from PostGIS (a server-side cursor, a chunk at a
/// time) give the same bytes as from the GeoPackage and from the bundled GeoJSON, in every format; the GeoJSON path
/// is the reference.
final class StreamedFromPostGISTests: XCTestCase {
    func testStreamedAnswersFromPostGISAreTheGeoJSONPathsBytes() throws {
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase("streamed", postgis: true)
        let bundled = try XCTUnwrap(Catalog.bundledDirectory).path
        _ = try DepositsRun.succeed(["import", bundled, "--into", url])
        let gpkg = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString.prefix(8)).gpkg").path
        defer { try? FileManager.default.removeItem(atPath: gpkg) }
        _ = try DepositsRun.succeed(["import", bundled, "--into", gpkg])
        for format in ["jsonl", "geojsonseq", "json"] {
            let reference = try DepositsRun.succeed(["near-rail", "--all", "--format", format])
            XCTAssertEqual(try DepositsRun.succeed(["near-rail", "--all", "--store", url, "--format", format]), reference, format)
            XCTAssertEqual(try DepositsRun.succeed(["near-rail", "--all", "--store", gpkg, "--format", format]), reference, format)
            if format == "jsonl" { XCTAssertEqual(reference.split(separator: "\n").count, 54, "one record per bundled deposit") }
            // Every deposit's region shares, the regions read whole once and the deposits through the cursor.
            let regions = try DepositsRun.succeed(["region", "--all", "--format", format])
            XCTAssertEqual(try DepositsRun.succeed(["region", "--all", "--store", url, "--format", format]), regions, "region \(format)")
            XCTAssertEqual(try DepositsRun.succeed(["region", "--all", "--store", gpkg, "--format", format]), regions, "region \(format)")
            if format == "jsonl" { XCTAssertEqual(regions.split(separator: "\n").count, 19, "one record per located bundled deposit") }
        }
        // gateways --all: the network and its searches from the rail, stations and country read whole once.
        for format in ["jsonl", "geojsonseq", "json"] {
            let reference = try DepositsRun.succeed(["gateways", "--all", "--format", format])
            XCTAssertEqual(try DepositsRun.succeed(["gateways", "--all", "--store", url, "--format", format]), reference, "gateways \(format)")
            XCTAssertEqual(try DepositsRun.succeed(["gateways", "--all", "--store", gpkg, "--format", format]), reference, "gateways \(format)")
            if format == "jsonl" { XCTAssertEqual(reference.split(separator: "\n").count, 54, "one record per bundled deposit") }
        }
    }
}
