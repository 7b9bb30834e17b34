import DepositIndex
import Foundation
import Geo

extension PostGISStore: EditableFeatureSource {
    /// Runs `body` as one edit: a READ COMMITTED transaction whose first statement is
    /// `SELECT pg_advisory_xact_lock(<fixed key>)`, so every check `body` makes (validation against the
    /// stored deposits, overlap, duplicate ids) and the write it guards are one step no other writer can
    /// interleave with; the lock ends with the transaction, and a killed client's transaction is rolled
    /// back by the server, leaving the database as it was.
    ///
    /// Why READ COMMITTED and a lock rather than SERIALIZABLE with retries: each statement after the lock
    /// sees every edit committed before the lock was granted (a REPEATABLE READ snapshot would be taken
    /// before it, and miss them), writers wait in line instead of failing and re-running a whole survey
    /// validation, and readers, in their own REPEATABLE READ READ ONLY snapshots, never wait for a writer.
    package func edit<T>(_ body: () throws -> T) throws -> T {
        do {
            // A writer waits in line for the lock, but not forever: after `lockWaitSeconds` it gives up
            // (StoreError.busy, 73), as a GeoPackage writer does after its busy timeout.
            try db.execute("BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '\(PostGISSchema.lockWaitSeconds)s'")
            do {
                try db.query("SELECT pg_advisory_xact_lock(\(PostGISSchema.editLockKey))")
                try loadLayerFacts()
                let result = try body()
                try db.execute("COMMIT")
                return result
            } catch {
                try? db.execute("ROLLBACK")
                try? loadLayerFacts()
                throw error
            }
        } catch let e as PGError {
            throw storeError(e)
        }
    }

    /// Inside an edit that changes tables (creates, drops, alters): holds `depositindex_layers`
    /// exclusively until the commit, so readers (who take it shared before their snapshot) see the
    /// tables wholly before or wholly after.
    func lockForSchemaChange() throws {
        try db.execute("LOCK TABLE depositindex_layers IN ACCESS EXCLUSIVE MODE")
    }

    package func createEmptyLayer(_ layer: StoreLayer) throws {
        try createLayer(layer, columns: PropertyColumns(), geometryType: "GEOMETRY")
        try db.execute(PostGISSchema.spatialIndex(layer))
    }

    /// Drops the layer's table (if any) and its names, and creates it empty (inside an edit).
    /// A table of the layer's name that DepositIndex did not write (a team's own `deposits` or `rail`) is
    /// never dropped: the import is refused, naming it, and the database is left as it was.
    func createLayer(_ layer: StoreLayer, columns cols: PropertyColumns, geometryType: String) throws {
        try lockForSchemaChange()
        // The schema tables are created in (the first on the search path): the only one looked in, and the
        // only one dropped from, so that a team's table of the same name further along the path is never met.
        let found = try db.query("""
            SELECT current_schema(),
                   EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = $1),
                   EXISTS (SELECT 1 FROM depositindex_layers WHERE table_name = $1)
            """, [layer.table], binary: false)
        guard let schema = found.text(0, 0) else {
            throw StoreError.cannotWrite(path: name, "no schema on the search path exists to create the \(layer.table) table in")
        }
        if found.text(0, 1) == "t", found.text(0, 2) != "t" {
            throw StoreError.cannotWrite(path: name, "the database already has a table \(schema).\(layer.table) that DepositIndex did not write; that table is left as it is, and nothing was imported. Import into another database, or into a schema of your own (CREATE SCHEMA catalog, then add ?options=-csearch_path%3Dcatalog,public to the URL), or read the team's tables in place with --store-mapping")
        }
        let t = PostGISSchema.literal(layer.table)
        try db.execute("""
            DROP TABLE IF EXISTS \(PostGISSchema.quoted(schema)).\(PostGISSchema.quoted(layer.table));
            DELETE FROM depositindex_names WHERE table_name = \(t);
            DELETE FROM depositindex_layers WHERE table_name = \(t);
            INSERT INTO depositindex_layers VALUES (\(t), \(PostGISSchema.version), 0);
            """)
        try db.execute(PostGISSchema.featureTable(layer, geometryType: geometryType, columns: cols))
        columns[layer] = cols
        bowPad[layer] = 0
    }

    /// Adds columns for properties the layer has none for yet (a survey with a new field).
    private func widenColumns(_ layer: StoreLayer, for features: [StoredFeature]) throws {
        guard let (all, added) = try (columns[layer] ?? PropertyColumns()).widened(layer, for: features) else { return }
        try lockForSchemaChange()
        for (name, kind) in added {
            try db.execute("ALTER TABLE \(PostGISSchema.quoted(layer.table)) ADD COLUMN \(PostGISSchema.quoted(name)) \(PostGISSchema.sqlType(kind))")
        }
        columns[layer] = all
    }

    package func insert(_ features: [StoredFeature], into layer: StoreLayer, progress: ((Int) -> Void)?) throws {
        try widenColumns(layer, for: features)
        guard let cols = columns[layer] else { throw StoreError.refused("the store has no \(layer.table) layer") }
        let names = cols.columns.map { ", " + PostGISSchema.quoted($0.name) }.joined()
        let placeholders = (0..<cols.columns.count).map { ", $\($0 + 3)" }.joined()
        let sql = "INSERT INTO \(PostGISSchema.quoted(layer.table)) (geom, id\(names)) VALUES ($1::geometry, $2\(placeholders)) RETURNING fid::text"
        let keys = CatalogStore.nameKeys(layer, features)
        var pad = bowPad[layer] ?? 0
        for (i, f) in features.enumerated() {
            var values: [String?] = [f.geometry.map(PostGISValues.ewkbText), f.id]
            for (name, kind) in cols.columns { values.append(try PostGISValues.text(f.properties[name], kind, layer: layer, id: f.id, column: name)) }
            let r: PGResult
            do {
                r = try db.query(sql, values, binary: false)
            } catch let e as PGError where e.sqlState == "23505" {
                throw StoreError.refused("\(layer.fileName): feature id \"\(f.id)\" is already in the store")
            }
            let fid = r.text(0, 0) ?? "0"
            for k in keys[i] {
                try db.query("INSERT INTO depositindex_names VALUES ($1, $2::bigint, $3)", [layer.table, fid, k])
            }
            if let g = f.geometry { pad = max(pad, CatalogStore.bow(of: g)) }
            progress?(i + 1)
        }
        bowPad[layer] = pad
        try db.query("UPDATE depositindex_layers SET bow_pad_deg = $1::double precision WHERE table_name = $2", ["\(pad)", layer.table])
    }

    package func delete(ids: [String], from layer: StoreLayer) throws -> Int {
        guard columns[layer] != nil, !ids.isEmpty else { return 0 }
        let r = try db.query("DELETE FROM \(PostGISSchema.quoted(layer.table)) WHERE id = ANY($1::text[]) RETURNING fid::text",
                             [Self.arrayLiteral(ids)], binary: false)
        let fids = (0..<r.rows).compactMap { r.text($0, 0) }
        if !fids.isEmpty {
            try db.query("DELETE FROM depositindex_names WHERE table_name = $1 AND fid = ANY($2::bigint[])",
                         [layer.table, "{" + fids.joined(separator: ",") + "}"])
        }
        return fids.count
    }

    /// Adds the deposits of survey files, in one edit, after the survey validator has passed them; every
    /// check and refusal is `EditableFeatureSource.intake`'s, shared with the GeoPackage store.
    public func addSurvey(files: [URL], allowOverlap: Bool = false, layer: String? = nil) throws -> SurveyIntake {
        try intake(files: files, allowOverlap: allowOverlap, layer: layer)
    }

    /// Removes deposits by id, in one edit; refuses (writing nothing) with `StoreError.unknownIDs` when
    /// any id is not there.
    public func removeDeposits(ids: [String]) throws {
        try remove(ids: ids)
    }
}
