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
            let p = f.properties, id = f.id!
            XCTAssertFalse(f.geometry?.lines.isEmpty ?? true, "\(id): a rail feature is a LineString or MultiLineString")
            // issue 12: "operational" became "operating".
            XCTAssertTrue(["operating", "under_construction", "planned"].contains(p["status"]?.stringValue ?? ""), id)
            XCTAssertTrue(["natural_earth_10m", "station_chain"].contains(p["geometry_source"]?.stringValue ?? ""), id)
            XCTAssertTrue(p["opened_or_due"] == .null || p["opened_or_due"]?.stringValue != nil, "\(id): opened_or_due")
            // name_latin: no Cyrillic (U+0400–U+052F) and nothing from CJK onwards (U+2E80–).
            let latin = try XCTUnwrap(p["name_latin"]?.stringValue, "\(id): name_latin")
            XCTAssertFalse(latin.unicodeScalars.contains { (0x0400..<0x0530).contains($0.value) || $0.value >= 0x2E80 }, "\(id): \(latin)")
            let countries = try XCTUnwrap(p["countries"]?.arrayValue, "\(id): countries").compactMap(\.stringValue)
            XCTAssertFalse(countries.isEmpty, "\(id): countries")
            XCTAssertTrue(countries.allSatisfy { $0.count == 2 && $0.uppercased() == $0 }, "\(id): \(countries)")
            let gauge = p["gauge_mm"]?.doubleValue
            XCTAssertTrue(gauge == 1435 || gauge == 1520, "\(id): gauge_mm")
            // Standard gauge where the line lies mostly in China (or Iran and Turkey, both standard gauge).
            XCTAssertEqual(gauge == 1435, ["CN", "IR", "TR"].contains(countries[0]), "\(id): gauge_mm against \(countries)")
        }
        // The five lines issue 3 names as missing from Natural Earth are present as station chains.
        for slug in ["altynkol-zhetygen", "zhezkazgan-saksaulskiy", "shalkar-beineu", "arkalyk-shubarkol", "borzhakty-kuryk", "uzen-bolashak"] {
            let chain = try GeoDataFiles.feature("rail", id: "rail-chain-\(slug)")
            XCTAssertEqual(chain.properties["geometry_source"]?.stringValue, "station_chain")
        }
        // The five lines of raw/rail_additions_kz.csv (issue 12), with that file's status and dates.
        let additions: [(String, String, JSONValue)] = [
            ("add-almaty-bypass", "under_construction", .string("2026")), ("add-moiynty-kyzylzhar", "under_construction", .string("2026-12")),
            ("add-shar-oskemen", "operating", .null), ("add-khromtau-altynsarin-east", "operating", .string("2004")),
            ("add-zhezkazgan-zhomart", "operating", .null),
        ]
        for (id, status, opened) in additions {
            let line = try GeoDataFiles.feature("rail", id: "rail-\(id)")
            XCTAssertEqual(line.properties["status"]?.stringValue, status, id)
            XCTAssertEqual(line.properties["opened_or_due"], opened, id)
            XCTAssertEqual(line.properties["countries"], .array([.string("KZ")]), id)
        }
        // 322.3 km published for Moiynty–Kyzylzhar (World Bank, astanatimes.com 2026-02-23, in the raw file).
        XCTAssertEqual(try GeoDataFiles.feature("rail", id: "rail-add-moiynty-kyzylzhar").properties["length_published_km"]?.doubleValue, 322.3)
    }

    func testRailLatinNames() throws {
        // Zharyk's station is named Сәкен Сейфуллин in OSM; GeoNames 1517812 'Zharyk' lists that name, so its Latin name
        // is Zharyk. Ақадыр теміржол вокзалы has no Latin name in OSM or GeoNames, so it is transliterated (BGN/PCGN Kazakh:
        // Қ q, ы y, ж zh, л l).
        let line = try GeoDataFiles.feature("rail", id: "rail-ne-13309")
        XCTAssertEqual(line.properties["name"]?.stringValue, "Сәкен Сейфуллин – Ақадыр теміржол вокзалы")
        XCTAssertEqual(line.properties["name_latin"]?.stringValue, "Zharyk – Aqadyr temirzhol vokzaly")
        // A chain keeps its own Latin name.
        XCTAssertEqual(try GeoDataFiles.feature("rail", id: "rail-add-moiynty-kyzylzhar").properties["name_latin"]?.stringValue, "Moiynty – Kyzylzhar")
    }

    func testRailCountries() throws {
        // Dostyk–Alashankou crosses into China: the line runs mostly in Kazakhstan, so it is 1,520 mm with China second.
        let crossing = try GeoDataFiles.feature("rail", id: "rail-ne-16134")
        XCTAssertEqual(crossing.properties["countries"], .array([.string("KZ"), .string("CN")]))
        XCTAssertEqual(crossing.properties["gauge_mm"]?.doubleValue, 1520)
    }

    func testStations() throws {
        var kinds = [String: Int]()
        for f in try GeoDataFiles.features("stations") {
            guard case .point? = f.geometry else { return XCTFail("\(f.id!): stations are Points") }
            let p = f.properties
            let kind = p["kind"]?.stringValue ?? ""
            XCTAssertTrue(["station", "port", "border_crossing"].contains(kind), f.id!)
            kinds[kind, default: 0] += 1
            for key in ["country_across", "country_across_name", "sea", "gauge_across_mm", "gateway_sources"] {
                XCTAssertNotNil(p[key], "\(f.id!): \(key) missing")
                if kind == "station" { XCTAssertEqual(p[key], .null, "\(f.id!): \(key) on a plain station") }
            }
            switch kind {
            case "port":
                XCTAssertEqual(p["sea"]?.stringValue, "Caspian Sea", f.id!)
                XCTAssertEqual(p["country_across"], .null, f.id!)
                XCTAssertEqual(p["gauge_across_mm"], .null, f.id!)
            case "border_crossing":
                XCTAssertEqual(p["sea"], .null, f.id!)
                XCTAssertNotNil(p["country_across"]?.stringValue, f.id!)
                XCTAssertNotNil(p["country_across_name"]?.stringValue, f.id!)
                XCTAssertTrue([1435, 1520].contains(p["gauge_across_mm"]?.doubleValue ?? 0), f.id!)
                XCTAssertFalse(p["gateway_sources"]?.stringValue?.isEmpty ?? true, f.id!)
            default: break
            }
        }
        // Ports Aktau and Kuryk; 25 border crossings of Tools/BuildGeoData/sources/gateways.csv: 23 in Kazakhstan and the
        // two Chinese stations across (Alashankou, Khorgos).
        XCTAssertEqual(kinds["port"], 2)
        XCTAssertEqual(kinds["border_crossing"], 25)
        let dostyk = try GeoDataFiles.feature("stations", id: "osm-4025083258")
        XCTAssertEqual(dostyk.properties["kind"]?.stringValue, "border_crossing")
        XCTAssertEqual(dostyk.properties["country_across"]?.stringValue, "CN")
        XCTAssertEqual(dostyk.properties["country_across_name"]?.stringValue, "China")
        XCTAssertEqual(dostyk.properties["gauge_across_mm"]?.doubleValue, 1435)
        XCTAssertEqual(try GeoDataFiles.feature("stations", id: "osm-4046956026").properties["gauge_across_mm"]?.doubleValue, 1435)  // Altynkol
        XCTAssertEqual(try GeoDataFiles.feature("stations", id: "osm-4049889222").properties["country_across"]?.stringValue, "TM")  // Bolashak
        XCTAssertEqual(try GeoDataFiles.feature("stations", id: "osm-11910129790").properties["kind"]?.stringValue, "port")  // Kuryk port
        // The far side of the China crossings keeps its kind and lies outside Kazakhstan.
        for id in ["osm-2662698005", "osm-588500137"] {
            let f = try GeoDataFiles.feature("stations", id: id)
            XCTAssertEqual(f.properties["kind"]?.stringValue, "border_crossing", id)
            XCTAssertEqual(f.properties["in_kazakhstan"], .bool(false), id)
        }
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
        let text = try GeoDataFiles.feature("corridors", id: "corridor-dostyk-moiynty").properties["source"]?.stringValue ?? ""
        XCTAssertTrue(text.contains("in operation since 30 September 2025"), "the corridor text says the second track is open (rail_sections.csv)")
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
