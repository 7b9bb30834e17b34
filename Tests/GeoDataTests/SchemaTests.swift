import DepositIndex
import Geo
import XCTest

/// Every layer follows the schema in GeoData/README.md (issue 3).
final class SchemaTests: XCTestCase {
    func testEveryFeatureHasAStringIDAndName() throws {
        for layer in GeoDataFiles.layerNames {
            let features = try GeoDataFiles.features(layer)
            XCTAssertFalse(features.isEmpty, layer)
            for f in features {
                XCTAssertNotNil(f.id, "\(layer): a feature without id")
                XCTAssertNotNil(f.properties["name"]?.stringValue, "\(layer) \(f.id ?? "?"): no string name")
                XCTAssertNotNil(f.properties["source"]?.stringValue, "\(layer) \(f.id ?? "?"): no string source")
            }
        }
    }

    func testDeposits() throws {
        let statuses: Set<String> = ["producing", "development", "exploration", "historic"]
        let leading = ["name", "aliases", "commodities", "status", "footprint", "location_precision_m", "source"]
        for f in try GeoDataFiles.features("deposits") {
            let p = f.properties, id = f.id!
            XCTAssertEqual(Array(p.keys.prefix(leading.count)), leading, "\(id): property order")
            XCTAssertNotNil(p["aliases"]?.arrayValue?.allSatisfy { $0.stringValue != nil }, id)
            let commodities = p["commodities"]?.arrayValue?.compactMap(\.stringValue) ?? []
            XCTAssertFalse(commodities.isEmpty, "\(id): commodities")
            XCTAssertTrue(statuses.contains(p["status"]?.stringValue ?? ""), "\(id): status")
            switch f.geometry {
            case nil:
                XCTAssertEqual(p["footprint"]?.stringValue, "not_located", id)
                XCTAssertEqual(p["location_precision_m"], .null, id)
            case .polygon?, .multiPolygon?:
                XCTAssertEqual(p["footprint"]?.stringValue, "subsoil_blocks", id)
                XCTAssertGreaterThan(p["location_precision_m"]?.doubleValue ?? 0, 0, id)
            default:
                XCTFail("\(id): deposits are polygons or null")
            }
        }
    }

    func testTheSevenRawDepositsAndNorthKatparAreThere() throws {
        // The seven rows of raw/deposits_kz.csv, all located; North Katpar has no published coordinate (issue 3).
        for id in ["kz-w-001", "kz-w-002", "kz-w-003", "kz-cu-001", "kz-cu-002", "kz-cu-003", "kz-pb-001"] {
            XCTAssertNotNil(try GeoDataFiles.feature("deposits", id: id).geometry, id)
        }
        let katpar = try GeoDataFiles.feature("deposits", id: "kz-w-101")
        XCTAssertEqual(katpar.properties["name"]?.stringValue, "North Katpar (Severny Katpar)")
        XCTAssertNil(katpar.geometry)
    }

    func testRail() throws {
        for f in try GeoDataFiles.features("rail") {
            XCTAssertFalse(f.geometry?.lines.isEmpty ?? true, "\(f.id!): a rail feature is a LineString or MultiLineString")
            XCTAssertTrue(["operating", "operational", "under_construction", "planned"].contains(f.properties["status"]?.stringValue ?? ""), f.id!)
            XCTAssertTrue(["natural_earth_10m", "station_chain"].contains(f.properties["geometry_source"]?.stringValue ?? ""), f.id!)
        }
        // The five lines issue 3 names as missing from Natural Earth are present as station chains.
        for slug in ["altynkol-zhetygen", "zhezkazgan-saksaulskiy", "shalkar-beineu", "arkalyk-shubarkol", "borzhakty-kuryk", "uzen-bolashak"] {
            let chain = try GeoDataFiles.feature("rail", id: "rail-chain-\(slug)")
            XCTAssertEqual(chain.properties["geometry_source"]?.stringValue, "station_chain")
        }
    }

    func testStations() throws {
        var kinds = [String: Int]()
        for f in try GeoDataFiles.features("stations") {
            guard case .point? = f.geometry else { return XCTFail("\(f.id!): stations are Points") }
            let kind = f.properties["kind"]?.stringValue ?? ""
            XCTAssertTrue(["station", "port", "border_crossing"].contains(kind), f.id!)
            kinds[kind, default: 0] += 1
        }
        // Ports Aktau and Kuryk; crossings Dostyk, Alashankou, Altynkol, Khorgos (China), Bolashak (places_corridors_kz.csv).
        XCTAssertEqual(kinds["port"], 2)
        XCTAssertEqual(kinds["border_crossing"], 5)
        XCTAssertEqual(try GeoDataFiles.feature("stations", id: "osm-4025083258").properties["kind"]?.stringValue, "border_crossing")
    }

    func testCorridors() throws {
        let corridors = try GeoDataFiles.features("corridors")
        XCTAssertEqual(Set(corridors.map { $0.id! }), ["corridor-titr", "corridor-titr-dostyk", "corridor-titr-altynkol", "corridor-dostyk-moiynty",
                                                      "corridor-china-europe-north", "corridor-north-south"])
        for f in corridors {
            XCTAssertFalse(f.geometry?.lines.isEmpty ?? true, f.id!)
            XCTAssertEqual(f.properties["width_km"]?.doubleValue, 50, f.id!)
        }
        // Dostyk–Moiynty is 837 km of track (jamestown.org EDM 2025); the centre line follows the rail layer, so it
        // comes out within a few per cent of that.
        let dm = try XCTUnwrap(try GeoDataFiles.feature("corridors", id: "corridor-dostyk-moiynty").geometry)
        XCTAssertEqual(Geodesic.wgs84.length(of: dm) / 1000, 837, accuracy: 30)
    }

    func testRegions() throws {
        let regions = try GeoDataFiles.features("regions")
        // The 20 first-level units since 2022 (ISO 3166-2:KZ, as in the geokz 2024 file).
        XCTAssertEqual(regions.map { $0.id! }, ["KZ-ABY", "KZ-AKM", "KZ-AKT", "KZ-ALA", "KZ-ALM", "KZ-AST", "KZ-ATY", "KZ-KAR", "KZ-KUS", "KZ-KZY",
                                               "KZ-MAN", "KZ-PAV", "KZ-SEV", "KZ-SHY", "KZ-ULT", "KZ-VOS", "KZ-YUZ", "KZ-ZAP", "KZ-ZHA", "KZ-ZHT"])
        for f in regions {
            XCTAssertNotNil(f.properties["name_kk"]?.stringValue, f.id!)
            XCTAssertNotNil(f.properties["name_ru"]?.stringValue, f.id!)
        }
        XCTAssertEqual(try GeoDataFiles.feature("regions", id: "KZ-KAR").properties["name_ru"]?.stringValue, "Карагандинская")
        XCTAssertEqual(try GeoDataFiles.features("country").map { $0.id! }, ["KZ"])
    }
}
