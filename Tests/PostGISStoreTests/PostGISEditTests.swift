import DepositIndex
import DepositPostGIS
import Foundation
import Geo
import XCTest

/// `deposits import`, `add`, `remove` and `list` against PostGIS through the built CLI: round trips,
/// refusals that leave the database unchanged, missing layers and a missing PostGIS named, and no
/// password in any message.
final class PostGISEditTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-edit-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private var bundled: String {
        get throws { try XCTUnwrap(Catalog.bundledDirectory, "the bundled GeoData directory is not found").path }
    }

    /// A 1' x 1' block at (lon, lat) with every property a catalog deposit needs.
    private func survey(_ id: String, lon: Double, lat: Double, name: String) throws -> String {
        let d = 1.0 / 60
        let ring = [Coordinate(x: lon, y: lat), Coordinate(x: lon + d, y: lat), Coordinate(x: lon + d, y: lat + d),
                    Coordinate(x: lon, y: lat + d), Coordinate(x: lon, y: lat)]
        let properties: JSONObject = ["name": .string(name), "commodities": ["Cu"], "status": "exploration", "footprint": "subsoil_blocks",
                                      "source": "test survey", "aliases": [], "location_precision_m": 100]
        let url = directory.appendingPathComponent("\(id).geojson")
        try GeoJSON.text(of: [Feature(id: id, properties: properties, geometry: .polygon([ring]))]).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func listIDs(_ url: String) throws -> [String] {
        let json = try DepositsRun.succeed(["list", "--store", url, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        return (rows ?? []).compactMap { $0["id"] as? String }
    }

    func testImportAddRemoveRoundTripThroughTheCLI() throws {
        let url = try PostgresTestServer.shared().createDatabase(name)
        let imported = try DepositsRun.run(["import", try bundled, "--into", url])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        // GeoData/deposits.geojson holds 54 deposits (its feature count; the import line says so too).
        XCTAssertTrue(imported.stderr.contains("deposits 54"), imported.stderr)
        let before = try listIDs(url)
        XCTAssertEqual(before.count, 54)

        // A block on the steppe west of Karaganda, far from every deposit: added, listed, answered, removed.
        let block = try survey("test-pg-001", lon: 70.5, lat: 49.5, name: "Steppe Block")
        XCTAssertEqual(try DepositsRun.succeed(["add", block, "--store", url]), "added 1: test-pg-001\n")
        XCTAssertEqual(try listIDs(url).count, 55)
        XCTAssertTrue(try listIDs(url).contains("test-pg-001"))
        // Looked up by name through depositindex_names, answered the same as from a GeoPackage of the same data.
        let gpkg = directory.appendingPathComponent("c.gpkg").path
        _ = try DepositsRun.succeed(["import", try bundled, "--into", gpkg])
        _ = try DepositsRun.succeed(["add", block, "--store", gpkg])
        XCTAssertEqual(try DepositsRun.succeed(["near-rail", "Steppe Block", "-k", "2", "--store", url, "--format", "json"]),
                       try DepositsRun.succeed(["near-rail", "Steppe Block", "-k", "2", "--store", gpkg, "--format", "json"]))

        // The same outline again under another id repeats the stored one: refused (65), nothing written.
        let again = try survey("test-pg-002", lon: 70.5, lat: 49.5, name: "Overlapping Block")
        let refused = try DepositsRun.run(["add", again, "--store", url])
        XCTAssertEqual(refused.status, 65, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("duplicate-geometry"), refused.stderr)
        XCTAssertEqual(try listIDs(url).count, 55)
        XCTAssertFalse(try listIDs(url).contains("test-pg-002"))

        // Removing an unknown id with a known one removes nothing (2); then the known one goes.
        let unknown = try DepositsRun.run(["remove", "test-pg-001", "no-such-id", "--store", url])
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("no-such-id"), unknown.stderr)
        XCTAssertEqual(try listIDs(url).count, 55)
        XCTAssertEqual(try DepositsRun.succeed(["remove", "test-pg-001", "--store", url]), "removed 1: test-pg-001\n")
        XCTAssertEqual(try listIDs(url), before)

        // A replacement survey with a stored id replaces that deposit (kz-w-001's example survey, GeoData/surveys).
        let example = try bundled + "/surveys/example-upper-kairakty-blocks.geojson"
        XCTAssertEqual(try DepositsRun.succeed(["add", example, "--store", url]), "replaced 1: kz-w-001\n")
        XCTAssertEqual(try listIDs(url).count, 54)
    }

    func testAQuestionNeedingAnAbsentLayerIsRefusedNamingIt() throws {
        let url = try PostgresTestServer.shared().createDatabase(name)
        _ = try DepositsRun.succeed(["import", try bundled + "/deposits.geojson", "--into", url])
        let r = try DepositsRun.run(["near-rail", "kz-w-001", "--store", url])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("no rail layer"), r.stderr)
        let corridor = try DepositsRun.run(["corridor", "--store", url])
        XCTAssertEqual(corridor.status, 65, corridor.stderr)
        XCTAssertTrue(corridor.stderr.contains("no corridors layer"), corridor.stderr)
    }

    func testADatabaseWithoutPostGISOrWithoutOurTablesIsRefusedSayingWhat() throws {
        let server = try PostgresTestServer.shared()
        let bare = try server.createDatabase(name + "_bare")
        let r = try DepositsRun.run(["list", "--store", bare])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("no PostGIS extension"), r.stderr)
        let withPostGIS = try server.createDatabase(name + "_gis", postgis: true)
        let t = try DepositsRun.run(["list", "--store", withPostGIS])
        XCTAssertEqual(t.status, 65, t.stderr)
        XCTAssertTrue(t.stderr.contains("not DepositIndex's tables"), t.stderr)
        // Importing into the bare database creates the extension (the test cluster's user is a superuser).
        _ = try DepositsRun.succeed(["import", try bundled, "--into", bare])
        XCTAssertEqual(try listIDs(bare).count, 54)
    }

    /// PostGIS 3.3 is not a trusted extension, so a user who is not a superuser cannot create it: the
    /// import is refused (73, as a store that cannot be written) saying so, and writes nothing.
    func testImportIntoADatabaseWhereThePostGISExtensionCannotBeCreatedSaysSo() throws {
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase(name)
        XCTAssertEqual(url, server.url(PostgresTestServer.databaseName(name)))
        let database = PostgresTestServer.databaseName(name)
        try server.psql("postgres", "DROP ROLE IF EXISTS plain_user; CREATE ROLE plain_user LOGIN")
        try server.psql("postgres", "ALTER DATABASE \(database) OWNER TO plain_user")
        let plain = "postgresql://plain_user@/\(database)?host=\(server.directory.path)"
        let r = try DepositsRun.run(["import", try bundled + "/deposits.geojson", "--into", plain])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("CREATE EXTENSION postgis"), r.stderr)
        XCTAssertEqual(try server.psql(database, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'depositindex%'").trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    func testNoMessageShowsThePassword() throws {
        let server = try PostgresTestServer.shared()
        let secret = "Sesame-7fq2Zr"
        let nowhere = "postgresql://postgres:\(secret)@/catalog?host=/nonexistent-socket-dir"
        let inQuery = "postgresql://postgres@/nosuchdb?host=\(server.directory.path)&password=\(secret)"
        let wrongDB = "postgresql://postgres:\(secret)@/nosuchdb?host=\(server.directory.path)"
        for url in [nowhere, inQuery, wrongDB] {
            for arguments in [["list", "--store", url], ["near-rail", "kz-w-001", "--store", url], ["remove", "x", "--store", url],
                              ["add", directory.appendingPathComponent("none.geojson").path, "--store", url],
                              ["import", try bundled + "/deposits.geojson", "--into", url]] {
                let r = try DepositsRun.run(arguments)
                XCTAssertNotEqual(r.status, 0, arguments.joined(separator: " "))
                XCTAssertFalse(r.stderr.contains(secret) || r.stdout.contains(secret), "\(arguments): \(r.stderr)")
            }
        }
        // A failed connection is one line naming the database, exit 65 as for an unreadable store.
        let r = try DepositsRun.run(["list", "--store", wrongDB])
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("nosuchdb"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertEqual(ConnectionText.redacted("postgresql://me:\(secret)@db.example:5432/catalog"), "postgresql://me:***@db.example:5432/catalog")
        XCTAssertEqual(ConnectionText.redacted("postgresql://db.example/catalog?user=me&password=\(secret)"),
                       "postgresql://db.example/catalog?user=me&password=***")
        // Help texts give the URL form.
        XCTAssertTrue(try DepositsRun.succeed(["near-rail", "--help"]).contains("postgresql://"))
        XCTAssertTrue(try DepositsRun.succeed(["import", "--help"]).contains("postgresql://"))
    }
}
