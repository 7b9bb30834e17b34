import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation
import Geo
import XCTest

/// A team's own PostGIS tables, read in place through a mapping file: a "team" schema built with psql
/// from the bundled GeoData (imported with `deposits import --into`, then copied with INSERT ... SELECT
/// under other table and column names, commodities as `text[]`, the regions in SRID 3857), answering
/// the same as DepositIndex's own PostGIS tables.
final class MappedTablesTests: XCTestCase {
    /// Our tables' columns renamed in the team's (layer → our property → their column).
    static let renamed: [StoreLayer: [String: String]] = [
        .deposits: ["name": "title", "status": "stage", "commodities": "minerals", "aliases": "alias_list", "block_count": "blocks"],
        .rail: ["name": "label", "gauge_mm": "gauge"],
        .stations: ["name": "station_name"],
        .regions: ["name": "oblast", "name_kk": "oblast_kk", "name_ru": "oblast_ru"],
        .country: ["name": "country_name"],
    ]

    /// Team table, id column and geometry column per layer.
    static let tables: [StoreLayer: (table: String, id: String, geometry: String)] = [
        .deposits: ("cadastre.licence_blocks", "block_no", "the_geom"),
        .rail: ("infra.railways", "line_ref", "way"),
        .stations: ("infra.stops", "stop_code", "location"),
        .regions: ("admin.oblasts", "pcode", "boundary"),
        .corridors: ("transport.corridors", "corridor_id", "route"),
        .country: ("admin.\"Country\"", "iso", "shape"),
    ]

    /// Our tables' property columns (in our order) per layer.
    private func columns(_ server: PostgresTestServer, _ db: String, _ layer: StoreLayer) throws -> [(name: String, type: String)] {
        let out = try server.psql(db, """
            SELECT attname || '|' || format_type(atttypid, atttypmod) FROM pg_attribute
            WHERE attrelid = 'public.\(layer.table)'::regclass AND attnum > 0 AND NOT attisdropped AND attname NOT IN ('fid', 'id', 'geom')
            ORDER BY attnum
            """)
        return out.split(separator: "\n").map { line in
            let parts = line.split(separator: "|").map(String.init)
            return (parts[0], parts[1])
        }
    }

    /// Builds the team's schema beside our tables and returns the mapping file's path (a mapping of every
    /// layer but those in `leftOut`).
    private func teamDatabase(leaving leftOut: Set<StoreLayer> = []) throws -> (url: String, mapping: String, server: PostgresTestServer, db: String) {
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase(name)
        let db = PostgresTestServer.databaseName(name)
        let bundled = try XCTUnwrap(Catalog.bundledDirectory, "the bundled GeoData directory is not found").path
        _ = try DepositsRun.succeed(["import", bundled, "--into", url])
        try server.psql(db, "CREATE SCHEMA cadastre; CREATE SCHEMA infra; CREATE SCHEMA admin; CREATE SCHEMA transport")
        var mapping = [String]()
        for layer in StoreLayer.allCases {
            guard let t = Self.tables[layer] else { continue }
            let rename = Self.renamed[layer] ?? [:]
            var defs = ["\(t.id) text", layer == .regions ? "\(t.geometry) geometry(Geometry, 3857)" : "\(t.geometry) geometry(Geometry, 4326)"]
            var selects = ["id", layer == .regions ? "ST_Transform(geom, 3857)" : "geom"]
            var properties = [String]()
            for c in try columns(server, db, layer) {
                let theirs = rename[c.name] ?? c.name
                var type = c.type, select = "\"\(c.name)\""
                if layer == .deposits, c.name == "commodities" {
                    type = "text[]"
                    select = "ARRAY(SELECT json_array_elements_text(commodities))"
                } else if c.type == "json" {
                    type = "jsonb"  // jsonb keeps arrays' order; the bundled objects here are arrays or null
                } else if c.type == "bigint", c.name == "block_count" || c.name == "gauge_mm" {
                    type = "integer"
                } else if c.name == "location_precision_m" {
                    type = "numeric"
                } else if c.type == "text", c.name == "status" {
                    type = "varchar(40)"
                }
                defs.append("\"\(theirs)\" \(type)")
                selects.append(select)
                properties.append("\"\(c.name)\": \"\(theirs)\"")
            }
            try server.psql(db, "CREATE TABLE \(t.table) (\(defs.joined(separator: ", "))); INSERT INTO \(t.table) SELECT \(selects.joined(separator: ", ")) FROM public.\(layer.table) ORDER BY fid")
            if layer != .regions { try server.psql(db, "CREATE INDEX ON \(t.table) USING gist (\(t.geometry))") }
            if leftOut.contains(layer) { continue }
            let table = t.table.replacingOccurrences(of: "\"", with: "\\\"")
            mapping.append("\"\(layer.rawValue)\": {\"table\": \"\(table)\", \"id\": \"\(t.id)\", \"geometry\": \"\(t.geometry)\", \"properties\": {\(properties.joined(separator: ", "))}}")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mapping-\(UUID().uuidString).json")
        try ("{\n" + mapping.joined(separator: ",\n") + "\n}\n").write(to: file, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        return (url, file.path, server, db)
    }

    func testTheTeamsTablesAnswerAsOurOwnPostGISTablesDo() throws {
        let team = try teamDatabase()
        let ours = try PostGISStore(url: team.url, access: .read)
        let mapped = try MappedPostGISSource(url: team.url, mapping: try StoreMapping(path: team.mapping))
        // The regions are in SRID 3857 and read whole; the others through their GiST indexes.
        XCTAssertEqual(try mapped.layerFacts(.regions)?.srid, 3857)
        XCTAssertNil(try XCTUnwrap(try mapped.layerFacts(.regions)).bowPad)
        XCTAssertEqual(try mapped.layerFacts(.rail)?.srid, 4326)
        XCTAssertNotNil(try XCTUnwrap(try mapped.layerFacts(.rail)).bowPad)
        XCTAssertEqual(try mapped.layerFacts(.corridors)?.srid, 4326)
        // MappedPostGISSource's doc example.
        var request = StoreRequest()
        request.deposits = ["kz-w-001"]
        request.nearestRail = 1
        let answer = try mapped.catalog(for: request).nearestRail(to: .deposit("kz-w-001"))
        XCTAssertEqual(answer.first?.railId, "rail-ne-13309")  // as PostGISStore's doc example, from our own tables
        // The rail's pad from its widest line box (6.54° of longitude, |latitude| up to 57°: GeoData/rail.geojson).
        XCTAssertEqual(try XCTUnwrap(mapped.layerFacts(.rail)?.bowPad), MappedBowPad.bound(edgeLongitudeSpan: 6.53976, maxAbsLatitude: 57)!, accuracy: 1e-6)
        // The country (40.8° wide) from its widest edge step (1.697884° of longitude, by psql's
        // ST_DumpSegments over GeoData/country.geojson) at |latitude| up to 55.43181°.
        XCTAssertEqual(try XCTUnwrap(mapped.layerFacts(.country)?.bowPad), MappedBowPad.bound(edgeLongitudeSpan: 1.697884, maxAbsLatitude: 55.43181)!, accuracy: 1e-6)
        typealias Q = SameAnswersTests
        let questions: [SameAnswersTests.Question] = [
            Q.nearRail("kz-w-001"), Q.nearRail("Upper Kairakty", k: 3), Q.nearRail("Bozshakol", k: 5, maxKm: 40),
            Q.nearRail("48.0,67.0"), Q.nearRail("43.2, 76.9", k: 2), Q.nearRail("Boguty", maxKm: 0.5),
            Q.at("48.0,67.0", omit: [.corridors]), Q.at("50.28,72.93", radiusKm: 200, omit: [.corridors]),
            Q.region("KZ-AKM"), Q.region("Abay"), Q.region("48.0,67.0"),
            Q.show("kz-w-002"), Q.show("Akchatau"), Q.corridor("corridor-titr"), Q.nearRail("no such deposit"),
        ]
        var answered = 0
        for q in questions {
            func outcome(_ read: (StoreRequest) throws -> Catalog) -> String {
                do { return try q.answer(try read(try q.request())) } catch { return "refused with \(AnswerError(error).status): \(error)" }
            }
            let expected = outcome { try ours.catalog(for: $0) }
            let got = outcome { try mapped.catalog(for: $0) }
            XCTAssertEqual(got, expected, q.label)
            if !expected.hasPrefix("refused") { answered += 1 }
        }
        // All but "no such deposit" are answered.
        XCTAssertEqual(answered, questions.count - 1)

        // The list: the same deposits, in id order (a team's table has no import order to keep).
        func ids(_ text: String) throws -> [String] {
            let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["id"] as? String }
        }
        let ourList = try ids(try Q.list.answer(try ours.catalog(for: Q.list.request())))
        let teamList = try ids(try Q.list.answer(try mapped.catalog(for: Q.list.request())))
        XCTAssertEqual(teamList, ourList.sorted())
        XCTAssertEqual(teamList.count, 54)  // GeoData/deposits.geojson's 54 deposits

        // Through the CLI: the same bytes as from our tables.
        for args in [["near-rail", "kz-w-001"], ["near-rail", "48.0,67.0", "--k", "2"], ["region", "KZ-AKM"]] {
            let fromOurs = try DepositsRun.succeed(args + ["--store", team.url, "--format", "json"])
            let fromTeam = try DepositsRun.succeed(args + ["--store", team.url, "--store-mapping", team.mapping, "--format", "json"])
            XCTAssertEqual(fromTeam, fromOurs, args.joined(separator: " "))
        }
    }

    func testAbsentLayersEditsAndBadMappingsAreRefusedNamingWhat() throws {
        let team = try teamDatabase(leaving: [.corridors])
        // Corridors are not mapped: refused naming the layer (65), as from a store without them.
        let corridor = try DepositsRun.run(["corridor", "--store", team.url, "--store-mapping", team.mapping])
        XCTAssertEqual(corridor.status, 65, corridor.stderr)
        XCTAssertTrue(corridor.stderr.contains("no corridors layer"), corridor.stderr)

        // Edits and imports take no mapping (usage, 64), and write nothing.
        let before = try team.server.psql(team.db, "SELECT count(*) FROM cadastre.licence_blocks")
        for args in [["add", "x.geojson", "--store", team.url], ["remove", "kz-w-001", "--store", team.url],
                     ["import", "GeoData", "--into", team.url]] {
            let r = try DepositsRun.run(args + ["--store-mapping", team.mapping])
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try team.server.psql(team.db, "SELECT count(*) FROM cadastre.licence_blocks"), before)
        // 54 deposits in GeoData/deposits.geojson, copied into the team's table.
        XCTAssertEqual(before, "54\n")

        // A mapping naming a column the table lacks: refused naming the file, layer, table and column.
        let text = try String(contentsOfFile: team.mapping, encoding: .utf8)
        let badColumn = try write(text.replacingOccurrences(of: "\"stage\"", with: "\"phase\""))
        let r = try DepositsRun.run(["list", "--store", team.url, "--store-mapping", badColumn])
        XCTAssertEqual(r.status, 65, r.stderr)
        for part in [badColumn, "layer deposits", "cadastre.licence_blocks", "no column \"phase\""] {
            XCTAssertTrue(r.stderr.contains(part), "\(part) in \(r.stderr)")
        }
        // An unknown key, an absent table, a column that is not geometry.
        let cases: [(String, String)] = [
            (text.replacingOccurrences(of: "\"geometry\": \"way\"", with: "\"geom\": \"way\""), "layer rail: unknown key \"geom\""),
            (text.replacingOccurrences(of: "infra.railways", with: "infra.rails"), "layer rail (table infra.rails): no such table"),
            (text.replacingOccurrences(of: "\"geometry\": \"way\"", with: "\"geometry\": \"label\""), "column \"label\" is text, not a PostGIS geometry"),
            ("{\"railways\": {}}", "unknown key \"railways\""),
            (text.replacingOccurrences(of: "\"minerals\"", with: "\"stage\""),
             "layer deposits (table cadastre.licence_blocks): property \"commodities\" is a list, but column \"stage\" is character varying(40)"),
            ("{\"corridors\": {\"table\": \"transport.corridors\", \"id\": \"corridor_id\", \"geometry\": \"route\", \"properties\": {\"name\": \"name\"}}}",
             "layer corridors: \"properties\" must map \"width_km\""),
        ]
        for (mappingText, message) in cases {
            let file = try write(mappingText)
            let bad = try DepositsRun.run(["near-rail", "kz-w-001", "--store", team.url, "--store-mapping", file])
            XCTAssertEqual(bad.status, 65, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(message) && bad.stderr.contains(file), "\(message) in \(bad.stderr)")
        }

        // A user who may not read a mapped table: "cannot read" (65), naming the table, not "cannot write".
        try team.server.psql(team.db, "CREATE ROLE visitor LOGIN; GRANT USAGE ON SCHEMA cadastre, infra, admin TO visitor; GRANT SELECT ON ALL TABLES IN SCHEMA cadastre, admin TO visitor")
        let visitor = team.url.replacingOccurrences(of: "postgresql://postgres@", with: "postgresql://visitor@")
        let denied = try DepositsRun.run(["near-rail", "kz-w-001", "--store", visitor, "--store-mapping", team.mapping])
        XCTAssertEqual(denied.status, 65, denied.stderr)
        XCTAssertTrue(denied.stderr.contains("cannot read the store") && denied.stderr.contains("permission denied"), denied.stderr)

        // Repeated and NULL ids met while reading are refused naming the table and column.
        try team.server.psql(team.db, "INSERT INTO cadastre.licence_blocks SELECT * FROM cadastre.licence_blocks WHERE block_no = 'kz-w-001'")
        let dup = try DepositsRun.run(["near-rail", "kz-w-001", "--store", team.url, "--store-mapping", team.mapping])
        XCTAssertEqual(dup.status, 65, dup.stderr)
        XCTAssertTrue(dup.stderr.contains("layer deposits (table cadastre.licence_blocks): id column \"block_no\" holds \"kz-w-001\" more than once"), dup.stderr)
        try team.server.psql(team.db, "DELETE FROM cadastre.licence_blocks WHERE block_no = 'kz-w-001'; UPDATE cadastre.licence_blocks SET block_no = NULL WHERE block_no = 'kz-w-002'")
        let null = try DepositsRun.run(["list", "--store", team.url, "--store-mapping", team.mapping])
        XCTAssertEqual(null.status, 65, null.stderr)
        XCTAssertTrue(null.stderr.contains("id column \"block_no\" holds NULL"), null.stderr)
    }

    /// StoreMapping's doc example, and its order of properties kept.
    func testTheMappingDocExampleReads() throws {
        let text = """
            {
              "deposits": {"table": "cadastre.licence_blocks", "id": "block_no", "geometry": "the_geom",
                           "properties": {"name": "title", "status": "stage", "commodities": "minerals"}},
              "rail": {"table": "infra.railways", "id": "osm_id", "geometry": "way", "properties": {"name": "label"}}
            }
            """
        let m = try StoreMapping(text: text, file: "team-mapping.json")
        XCTAssertEqual(Set(m.layers.keys), [.deposits, .rail])
        let d = try XCTUnwrap(m.layers[.deposits])
        XCTAssertEqual([d.table, d.id, d.geometry], ["cadastre.licence_blocks", "block_no", "the_geom"])
        XCTAssertEqual(d.properties.map(\.name), ["name", "status", "commodities"])
        XCTAssertEqual(d.properties.map(\.column), ["title", "stage", "minerals"])
        XCTAssertThrowsError(try StoreMapping(text: "{\"rail\": {\"table\": \"r\", \"id\": \"i\"}}", file: "m.json")) { e in
            XCTAssertEqual("\(e)", "--store-mapping m.json: layer rail: \"geometry\" is missing")
        }
    }

    /// The bow pad bound against edges measured on WGS84: points every 100 m along geodesics whose ends
    /// lie within the span and latitude given never leave the ends' latitudes by more than the bound.
    func testTheBowPadBoundsEveryEdgeOfAGivenSpanAndLatitude() throws {
        let wgs84 = Geodesic.wgs84
        for (span, latitude) in [(1.0, 55.0), (6.54, 57.0), (10.0, 48.0), (11.0, 80.0), (5.0, 0.5)] {
            let bound = try XCTUnwrap(MappedBowPad.bound(edgeLongitudeSpan: span, maxAbsLatitude: latitude))
            var largest = 0.0
            for a in stride(from: -latitude, through: latitude, by: latitude / 4) {
                for b in [latitude, latitude * 0.9, -latitude, 0] {
                    for s in [span / 3, span] {
                        let ends = [Coordinate(longitude: 10, latitude: a), Coordinate(longitude: 10 + s, latitude: b)]
                        let points = wgs84.line(from: ends[0], to: ends[1], maxSpacing: 100)
                        let top = points.map(\.latitude).max()!, bottom = points.map(\.latitude).min()!
                        let bow = max(top - max(a, b), min(a, b) - bottom)
                        largest = max(largest, bow)
                        XCTAssertLessThanOrEqual(bow, bound, "span \(s) from \(a) to \(b)")
                    }
                }
            }
            // Not vacuous, and not far off up to 57°: EdgeEnvelope's bound takes tan φ·Δλ²/2 where the
            // symmetric edge bows about tan φ·Δλ²/8, so the bound measured 11 to 17 times the largest bow
            // here (0.0155° against 0.00103° for 1° at 55°; 0.717° against 0.0427° for 6.54° at 57°).
            XCTAssertGreaterThan(largest, 0)
            if latitude <= 57 { XCTAssertLessThan(bound, 20 * largest, "span \(span) latitude \(latitude): \(largest) against \(bound)") }
        }
        // Points and meridians: 0; wider than 0.2 rad (11.46°), across ±180° or beyond 85°: read whole.
        XCTAssertEqual(MappedBowPad.bound(edgeLongitudeSpan: 0, maxAbsLatitude: 60), 0)
        XCTAssertNil(MappedBowPad.bound(edgeLongitudeSpan: 12, maxAbsLatitude: 60))
        XCTAssertNil(MappedBowPad.bound(edgeLongitudeSpan: 359, maxAbsLatitude: 10))
        XCTAssertNil(MappedBowPad.bound(edgeLongitudeSpan: 1, maxAbsLatitude: 86))
    }

    private func write(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mapping-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        return file.path
    }
}
