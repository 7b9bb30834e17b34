@testable import DepositIndex
import Foundation
import XCTest

/// An import builds each layer's R-trees (the GeoPackage's and the edge index) on threads of their own
/// and copies their nodes in (`RTreeBuild`). The copied nodes must be the ones SQLite itself makes from
/// the same entries in the same order: here each R-tree of an imported store is rebuilt in the same file
/// (same page size, so same node size) by plain inserts in id order, and the two node tables compared
/// byte for byte; SQLite's own `rtreecheck` finds each tree sound.
final class RTreeBuildTests: XCTestCase {
    func testCopiedNodesAreTheNodesSQLiteBuilds() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try bundledStore(in: dir).store
        var names = [String]()
        let s = try store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%rtree%' ORDER BY name")
        while try s.step() { names.append(s.text(0) ?? "") }
        XCTAssertTrue(names.contains("rtree_deposits_geom") && names.contains("depositindex_edges_rail"), "\(names)")
        for name in names {
            let quoted = GeoPackageSchema.quoted(name)
            XCTAssertEqual(try store.db.integer("SELECT rtreecheck(?) = 'ok'", [.text(name)]), 1, name)
            try store.db.execute("""
                CREATE VIRTUAL TABLE check_tree USING rtree(id, minx, maxx, miny, maxy);
                INSERT INTO check_tree SELECT id, minx, maxx, miny, maxy FROM \(quoted) ORDER BY id;
                """)
            let nodes = { (table: String) throws -> Int64? in
                try store.db.integer("SELECT count(*) FROM \(GeoPackageSchema.quoted(table + "_node"))")
            }
            XCTAssertEqual(try nodes(name), try nodes("check_tree"), name)
            XCTAssertEqual(try store.db.integer("""
                SELECT count(*) FROM \(GeoPackageSchema.quoted(name + "_node")) a JOIN check_tree_node b USING (nodeno) WHERE a.data = b.data
                """), try nodes(name), "\(name): every node the same bytes")
            try store.db.execute("DROP TABLE check_tree")
        }
    }
}
