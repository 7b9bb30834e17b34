import Foundation
import XCTest

/// The OGC API – Features resources of `deposits serve` over plain HTTP: links, paging, filters,
/// content negotiation. Expected numbers are counted in GeoData/*.geojson.
final class OGCResourceTests: XCTestCase {
    private var running: ServerProcess?

    override func setUpWithError() throws {
        running = try ServerProcess()
    }

    override func tearDown() {
        if let s = running { XCTAssertEqual(s.stop().status, 0) }
        running = nil
        super.tearDown()
    }

    private var server: ServerProcess { get throws { try XCTUnwrap(running, "the server did not start") } }

    func testTheLandingPageLinksWhatTheStandardAsksFor() throws {
        let r = try RawHTTP.get(try server, "/", accept: "application/json")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.headers["content-type"], "application/json")
        let rels = Set((try r.json()["links"] as? [[String: Any]] ?? []).compactMap { $0["rel"] as? String })
        XCTAssertTrue(rels.isSuperset(of: ["self", "service-desc", "service-doc", "conformance", "data"]), "\(rels)")
        let conformance = try RawHTTP.get(try server, "/conformance").json()["conformsTo"] as? [String] ?? []
        for c in ["core", "geojson", "html", "oas30"] {
            XCTAssertTrue(conformance.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/\(c)"), c)
        }
        let api = try RawHTTP.get(try server, "/api")
        XCTAssertEqual(api.headers["content-type"], "application/vnd.oai.openapi+json;version=3.0")
        XCTAssertEqual(try api.json()["openapi"] as? String, "3.0.3")
    }

    func testEveryLayerIsACollectionWithItsExtent() throws {
        let body = try RawHTTP.get(try server, "/collections").json()
        let collections = body["collections"] as? [[String: Any]] ?? []
        XCTAssertEqual(collections.compactMap { $0["id"] as? String }, ["deposits", "rail", "stations", "corridors", "regions", "country"])
        let deposits = try RawHTTP.get(try server, "/collections/deposits").json()
        let bbox = ((deposits["extent"] as? [String: Any])?["spatial"] as? [String: Any])?["bbox"] as? [[Double]]
        // ogrinfo on GeoData/deposits.geojson: Extent (66.783333, 43.533333) - (81.583333, 51.850000).
        XCTAssertEqual(bbox?.first ?? [], [66.783333, 43.533333, 81.583333, 51.85], accuracy: 1e-6)
    }

    /// 1812 rail lines in GeoData/rail.geojson: following `next` from a page of 500 visits each once.
    func testNextLinksVisitEveryFeatureOnce() throws {
        var path: String? = "/collections/rail/items?limit=500"
        var ids = [String](), pages = 0
        while let p = path {
            let page = try RawHTTP.get(try server, p).json()
            XCTAssertEqual(page["numberMatched"] as? Int, 1812)
            let features = page["features"] as? [[String: Any]] ?? []
            XCTAssertEqual(page["numberReturned"] as? Int, features.count)
            ids += features.compactMap { $0["id"] as? String }
            pages += 1
            let next = (page["links"] as? [[String: Any]] ?? []).first { $0["rel"] as? String == "next" }?["href"] as? String
            path = next.map { String($0.dropFirst(try! server.base.count)) }
            XCTAssertLessThanOrEqual(pages, 4)
        }
        XCTAssertEqual(pages, 4)
        XCTAssertEqual(ids.count, 1812)
        XCTAssertEqual(Set(ids).count, 1812)
    }

    func testTheDefaultLimitIsTen() throws {
        let page = try RawHTTP.get(try server, "/collections/stations/items").json()
        XCTAssertEqual(page["numberReturned"] as? Int, 10)
        XCTAssertEqual(page["numberMatched"] as? Int, 1237)
    }

    /// GeoData/deposits.geojson: 13 deposits list W among their commodities (as `deposits list
    /// --commodity W` says), 4 of them in development, 5 in region KZ-KAR.
    func testPropertyFilters() throws {
        func matched(_ query: String) throws -> (Int?, [String]) {
            let page = try RawHTTP.get(try server, "/collections/deposits/items?limit=100&" + query).json()
            return (page["numberMatched"] as? Int, (page["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
        XCTAssertEqual(try matched("commodities=W").0, 13)
        XCTAssertEqual(try matched("commodities=W&status=development").0, 4)
        XCTAssertEqual(try matched("region=KZ-KAR").0, 5)
        XCTAssertEqual(try matched("status=no-such-status").0, 0)
        // Numbers compare as numbers: 1435 mm (standard gauge) is on 25 rail lines of the bundled data, however written.
        for written in ["1435", "1435.0", "1.435e3", "%2B1435"] {
            let page = try RawHTTP.get(try server, "/collections/rail/items?limit=1&gauge_mm=" + written).json()
            XCTAssertEqual(page["numberMatched"] as? Int, 25, written)
        }
        let tungstenNearKaraganda = try matched("commodities=W&bbox=72,48,75,50")
        XCTAssertTrue(tungstenNearKaraganda.1.contains("kz-w-001"))
    }

    func testOneFeatureByItsID() throws {
        let r = try RawHTTP.get(try server, "/collections/deposits/items/kz-w-001")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.headers["content-type"], "application/geo+json")
        let f = try r.json()
        XCTAssertEqual(f["id"] as? String, "kz-w-001")
        XCTAssertEqual((f["properties"] as? [String: Any])?["name"] as? String, "Verkhnee Kairaktinskoye (Upper Kairakty)")
        XCTAssertEqual(((f["links"] as? [[String: Any]]) ?? []).first?["rel"] as? String, "self")
        // A station id with non-ASCII text percent-encoded in the path reaches its feature too.
        XCTAssertEqual(try RawHTTP.get(try server, "/collections/deposits/items/kz-w-00%31").status, 200)
    }

    func testHTMLForBrowsersByAcceptAndByF() throws {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        for path in ["/collections", "/collections/deposits", "/collections/deposits/items", "/collections/deposits/items/kz-w-001", "/conformance", "/api"] {
            let r = try RawHTTP.get(try server, path, accept: browser)
            XCTAssertEqual(r.status, 200, path)
            XCTAssertEqual(r.headers["content-type"], "text/html; charset=utf-8", path)
            XCTAssertTrue(r.text.hasPrefix("<!DOCTYPE html>"), path)
            let json = try RawHTTP.get(try server, path + "?f=json", accept: browser)
            XCTAssertNotEqual(json.headers["content-type"], "text/html; charset=utf-8", path)
        }
        let items = try RawHTTP.get(try server, "/collections/deposits/items?f=html&commodities=W")
        XCTAssertTrue(items.text.contains("13 matched"))
        XCTAssertTrue(items.text.contains("kz-w-001"))
    }
}

func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}
