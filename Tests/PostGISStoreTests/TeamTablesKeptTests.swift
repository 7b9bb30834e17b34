@testable import DepositIndex
import Foundation
import XCTest

/// `deposits import --into` a database that already holds a team's own table of a layer's name (a `rail`
/// table of theirs) refuses (73), naming it, and leaves their rows as they were; into a schema of the
/// catalog's own (first on the search path), it imports beside theirs without touching them.
final class TeamTablesKeptTests: XCTestCase {
    func testImportNeverDropsATableItDidNotWrite() throws {
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase("team_tables", postgis: true)
        try server.psql("team_tables", "CREATE TABLE rail (licence text, note text); INSERT INTO rail VALUES ('L-1', 'their own data')")
        let bundled = try XCTUnwrap(Catalog.bundledDirectory).path

        let refused = try DepositsRun.run(["import", bundled, "--into", url])
        XCTAssertEqual(refused.status, 73, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("already has a table public.rail that DepositIndex did not write"), refused.stderr)
        XCTAssertEqual(try server.psql("team_tables", "SELECT licence || '|' || note FROM public.rail").trimmingCharacters(in: .whitespacesAndNewlines), "L-1|their own data")
        XCTAssertEqual(try server.psql("team_tables", "SELECT count(*) FROM pg_tables WHERE tablename = 'deposits'").trimmingCharacters(in: .whitespacesAndNewlines), "0")

        try server.psql("team_tables", "CREATE SCHEMA catalog")
        let inSchema = url + "&options=-csearch_path%3Dcatalog,public"
        for _ in 0..<2 {  // an import, then a re-import replacing the catalog's own tables
            let r = try DepositsRun.run(["import", bundled, "--into", inSchema])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try server.psql("team_tables", "SELECT licence || '|' || note FROM public.rail").trimmingCharacters(in: .whitespacesAndNewlines), "L-1|their own data")
        XCTAssertEqual(try server.psql("team_tables", "SELECT count(*) FROM catalog.rail").trimmingCharacters(in: .whitespacesAndNewlines), "1812")
        let answer = try DepositsRun.succeed(["near-rail", "kz-w-001", "--store", inSchema, "--format", "json"])
        XCTAssertTrue(answer.contains("rail-ne-13309"), answer)  // the bundled answer (README: 35.2 km to rail-ne-13309)
    }
}
