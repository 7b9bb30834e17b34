/// The tables a GeoPackage holds (OGC 12-128r18, GeoPackage 1.3), as SQL we run.
enum GeoPackageSchema {
    /// `PRAGMA application_id`: the bytes "GPKG".
    static let applicationID: Int32 = 0x4750_4B47
    /// `PRAGMA user_version` for GeoPackage 1.3.0.
    static let userVersion = 10300

    /// The core tables, the schema extension's tables, and our own extension's tables.
    ///
    /// Our extension is `write-only` in the spec's sense: readers such as GDAL and QGIS read the layers
    /// correctly without knowing it; only writers must keep its tables in step. `depositindex_layers` is
    /// registered as an attributes table; with one registered, GDAL no longer lists unregistered tables
    /// (`depositindex_names`, 240,000 keys on a large store) as layers.
    static let core = """
        CREATE TABLE gpkg_spatial_ref_sys (
            srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (
            table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
            description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
            CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
            table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
            CONSTRAINT uk_gc_table_name UNIQUE (table_name),
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
            CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (
            table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
            CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        CREATE TABLE gpkg_data_columns (
            table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT,
            mime_type TEXT, constraint_name TEXT,
            CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
            CONSTRAINT gdc_tn UNIQUE (table_name, name));
        CREATE TABLE gpkg_data_column_constraints (
            constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC,
            min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT,
            CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
        INSERT INTO gpkg_spatial_ref_sys VALUES
            ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
            ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
            ('WGS 84 geodetic', 4326, 'EPSG', 4326, '\(wgs84WKT)', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        INSERT INTO gpkg_extensions VALUES
            ('gpkg_data_columns', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write'),
            ('gpkg_data_column_constraints', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write'),
            ('depositindex_layers', NULL, 'depositindex_catalog', '\(StoreFormat.definition)', 'write-only'),
            ('depositindex_names', NULL, 'depositindex_catalog', '\(StoreFormat.definition)', 'write-only');
        INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
            ('depositindex_layers', 'attributes', 'depositindex_layers', 'DepositIndex: per layer, the store format and the geodesic bow its exact queries allow for');
        CREATE TABLE depositindex_layers (
            table_name TEXT NOT NULL PRIMARY KEY, format_version INTEGER NOT NULL, bow_pad_deg REAL NOT NULL);
        CREATE TABLE depositindex_names (table_name TEXT NOT NULL, key TEXT NOT NULL, fid INTEGER NOT NULL);
        CREATE INDEX depositindex_names_key ON depositindex_names (table_name, key);
        CREATE INDEX depositindex_names_fid ON depositindex_names (table_name, fid);
        """

    static let wgs84WKT = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#

    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A feature table: fid, geometry, our string id, then the property columns.
    static func featureTable(_ t: String, geometryType: String, columns: PropertyColumns) -> String {
        let q = quoted(t)
        let props = columns.columns.map { ", \(quoted($0.name)) \($0.kind.sqlType)" }.joined()
        return "CREATE TABLE \(q) (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom \(geometryType), id TEXT NOT NULL UNIQUE\(props));"
    }

    /// The name of a feature table's R-tree (the spec's `rtree_<t>_<geometry column>`).
    static func spatialIndexName(_ t: String) -> String { "rtree_\(t)_geom" }

    /// The R-tree of a feature table, filled from the rows it already has (the spec's statement; left
    /// empty with `filled: false`, for the caller to fill), and the spec's seven triggers that keep it in
    /// step from then on. Building it after a bulk insert is much faster than letting the triggers insert
    /// row by row.
    static func spatialIndex(_ t: String, filled: Bool = true) -> String {
        let q = quoted(t), rtree = quoted(spatialIndexName(t))
        let values = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)"
        let fill = !filled ? "" : """
            INSERT OR REPLACE INTO \(rtree) SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM \(q)
                WHERE geom NOT NULL AND NOT ST_IsEmpty(geom);
            """
        return """
            CREATE VIRTUAL TABLE \(rtree) USING rtree(id, minx, maxx, miny, maxy);
            \(fill)
            CREATE TRIGGER \(quoted("rtree_\(t)_geom_insert")) AFTER INSERT ON \(q)
                WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
                BEGIN INSERT OR REPLACE INTO \(rtree) VALUES (\(values)); END;
            CREATE TRIGGER \(quoted("rtree_\(t)_geom_update1")) AFTER UPDATE OF geom ON \(q)
                WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
                BEGIN INSERT OR REPLACE INTO \(rtree) VALUES (\(values)); END;
            CREATE TRIGGER \(quoted("rtree_\(t)_geom_update2")) AFTER UPDATE OF geom ON \(q)
                WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
                BEGIN DELETE FROM \(rtree) WHERE id = OLD.fid; END;
            CREATE TRIGGER \(quoted("rtree_\(t)_geom_update3")) AFTER UPDATE ON \(q)
                WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
                BEGIN DELETE FROM \(rtree) WHERE id = OLD.fid; INSERT OR REPLACE INTO \(rtree) VALUES (\(values)); END;
            CREATE TRIGGER \(quoted("rtree_\(t)_geom_update4")) AFTER UPDATE ON \(q)
                WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
                BEGIN DELETE FROM \(rtree) WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER \(quoted("rtree_\(t)_geom_delete")) AFTER DELETE ON \(q)
                WHEN OLD.geom NOT NULL
                BEGIN DELETE FROM \(rtree) WHERE id = OLD.fid; END;
            INSERT INTO gpkg_extensions VALUES ('\(t)', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """
    }

    /// The name of a feature table's edge index (see `edgeIndex`).
    static func edgeIndexName(_ t: String) -> String { "depositindex_edges_\(t)" }

    /// Our own R-tree of a feature table: each feature's box holding its geodesic edges (`Catalog.box`),
    /// where the spec's R-tree holds its vertices' box. An edge bows beyond its vertices in latitude (all
    /// the way to the pole near one) and an edge across the antimeridian leaves their longitudes; these
    /// boxes hold both (minx within [-180, 180), maxx past 180 for a feature across the antimeridian), so a
    /// window search through them is exact with no pad. Kept by `CatalogStore.insert` and `delete`, not
    /// by triggers: the spec's triggers call only the functions every GeoPackage reader has. So an edit of
    /// the layer by another tool is not in it; the layer's `write-only` extension row tells GDAL and QGIS
    /// so (they warn when opening the layer for update), and README says to edit only through `deposits`.
    static func edgeIndex(_ t: String) -> String {
        """
        CREATE VIRTUAL TABLE \(quoted(edgeIndexName(t))) USING rtree(id, minx, maxx, miny, maxy);
        INSERT INTO gpkg_extensions VALUES ('\(edgeIndexName(t))', NULL, 'depositindex_catalog', '\(StoreFormat.definition)', 'write-only');
        INSERT INTO gpkg_extensions VALUES ('\(t)', 'geom', 'depositindex_edge_index', '\(StoreFormat.definition)', 'write-only');
        """
    }

    /// Removes a feature table and everything that refers to it.
    static func dropFeatureTable(_ t: String) -> String {
        """
        DROP TABLE IF EXISTS \(quoted("rtree_\(t)_geom"));
        DROP TABLE IF EXISTS \(quoted(edgeIndexName(t)));
        DELETE FROM gpkg_extensions WHERE table_name = '\(edgeIndexName(t))';
        DROP TABLE IF EXISTS \(quoted(t));
        DELETE FROM gpkg_extensions WHERE table_name = '\(t)';
        DELETE FROM gpkg_data_columns WHERE table_name = '\(t)';
        DELETE FROM gpkg_geometry_columns WHERE table_name = '\(t)';
        DELETE FROM gpkg_contents WHERE table_name = '\(t)';
        DELETE FROM depositindex_layers WHERE table_name = '\(t)';
        DELETE FROM depositindex_names WHERE table_name = '\(t)';
        """
    }
}

/// Our own extension: per-layer facts the exact queries need, and the name look-up keys.
enum StoreFormat {
    /// Bumped when the layout of our tables changes; a store with a newer version is refused.
    /// 2: each layer has an edge index (`GeoPackageSchema.edgeIndex`); a layer of format 1 has none and
    /// is searched through the spec's R-tree grown by the layer's bow pad.
    static let version = 2
    /// The first version whose layers have an edge index.
    static let edgeIndexVersion = 2
    static let definition = "DepositIndex catalog store: depositindex_layers holds per layer the format version and the greatest latitude bow (degrees) of a geodesic edge beyond its vertices; depositindex_names holds the look-up keys of feature names; depositindex_edges_<table> is an R-tree of the box holding each feature with its geodesic edges"
}
