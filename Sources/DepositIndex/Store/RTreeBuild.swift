import CSQLite
import Geo

/// An R-tree table (`rtree(id, minx, maxx, miny, maxy)`, as the store's R-trees are) built apart from the
/// store, on a private in-memory connection, so that an import builds its R-trees on another core than
/// the one writing the rows; its shadow tables' rows are then copied into the store's empty R-tree.
///
/// SQLite builds an R-tree deterministically: the same entries inserted in the same order into an empty
/// table with the same node size (set by the page size) give the same nodes, numbered alike. So the copied
/// rows are exactly those the store's own inserts would have made (`RTreeBuildTests` rebuilds each tree of an
/// imported store by plain inserts and compares the nodes byte for byte); only the work moves to another thread.
struct RTreeBuild: Sendable {
    /// One entry: a feature's row id and its box.
    struct Entry: Sendable {
        var id: Int64
        var box: Envelope
    }

    struct Node: Sendable {
        var number: Int64
        var data: [UInt8]
    }

    private var nodes: [Node] = []
    /// The `_rowid` rows (an entry's id, its leaf node) and the `_parent` rows (a node, its parent).
    private var rowids: [(Int64, Int64)] = []
    private var parents: [(Int64, Int64)] = []

    /// The inserts between two looks at the build's `RTreeBuildStop` (74 batches a tree at 300,000 deposits).
    static let batchSize = 4096

    /// Inserts `entries`, in order, into a new R-tree on a private in-memory database whose pages are
    /// `pageSize` bytes (the store's), and reads its shadow tables back. Throws `RTreeBuildStop.Stopped`
    /// when `stop` is stopped, before the next batch of `batchSize` inserts.
    init(_ entries: [Entry], pageSize: Int64, stop: RTreeBuildStop = RTreeBuildStop()) throws {
        let db = try SQLiteConnection(path: ":memory:", mode: .memory)
        try db.execute("PRAGMA page_size = \(pageSize); PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try db.execute("BEGIN; CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
        let insert = try db.prepare("INSERT INTO r VALUES (?, ?, ?, ?, ?)")
        for start in stride(from: 0, to: entries.count, by: Self.batchSize) {
            try stop.check()
            for e in entries[start..<min(start + Self.batchSize, entries.count)] {
                try insert.run(e.id, e.box.minX, e.box.maxX, e.box.minY, e.box.maxY)
            }
            stop.batchDone()
        }
        try db.execute("COMMIT")
        let n = try db.prepare("SELECT nodeno, data FROM r_node ORDER BY nodeno")
        try n.bind([])
        while try n.step() { nodes.append(Node(number: n.int64(0), data: n.blob(1) ?? [])) }
        rowids.reserveCapacity(entries.count)
        for (table, into) in [("r_rowid", \RTreeBuild.rowids), ("r_parent", \RTreeBuild.parents)] {
            let s = try db.prepare("SELECT * FROM \(table) ORDER BY 1")
            try s.bind([])
            while try s.step() { self[keyPath: into].append((s.int64(0), s.int64(1))) }
        }
    }

    /// Copies the built R-tree into `table` of `db`, an R-tree just created and still empty (inside the
    /// caller's transaction). Refused if the two would not hold alike-sized nodes.
    func copy(into db: SQLiteConnection, table: String) throws {
        let node = GeoPackageSchema.quoted(table + "_node")
        let rootSize = try db.integer("SELECT length(data) FROM \(node) WHERE nodeno = 1")
        guard let root = nodes.first, root.number == 1, rootSize == Int64(root.data.count),
              try db.integer("SELECT count(*) FROM \(GeoPackageSchema.quoted(table + "_rowid"))") == 0 else {
            throw StoreError.refused("internal error: the R-tree built for \(table) does not fit the store's (node size \(rootSize ?? -1))")
        }
        let nodeInsert = try db.prepare("INSERT OR REPLACE INTO \(node) VALUES (?, ?)")
        for n in nodes { try nodeInsert.run([.integer(n.number), .blob(n.data)]) }
        for (suffix, rows) in [("_rowid", rowids), ("_parent", parents)] {
            let s = try db.prepare("INSERT INTO \(GeoPackageSchema.quoted(table + suffix)) VALUES (?, ?)")
            for (a, b) in rows { try s.run(a, b) }
        }
    }
}
