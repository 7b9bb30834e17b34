@testable import DepositMaps
import DepositIndex
import XCTest

/// The web map page as a server makes it from the bundled catalog (Leaflet left empty: only the page's
/// own parts are checked here; Tools/browser-test draws it in Chromium).
final class WebMapPageTests: XCTestCase {
    private func element(_ id: String, in page: String) throws -> JSONValue {
        let open = "<script type=\"application/json\" id=\"\(id)\">"
        let start = try XCTUnwrap(page.range(of: open)).upperBound
        let end = try XCTUnwrap(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return try JSONParser.parse(String(page[start..<end]))
    }

    func testThePageCarriesTheDistancesAndAsksItsOwnOrigin() throws {
        let page = try WebMapPage.html(catalog: Catalog.bundled(), title: "Deposits <&>", leaflet: Leaflet(script: "", styleSheet: ""))
        XCTAssertTrue(page.contains("<title>Deposits &lt;&amp;&gt;</title>"))
        // Each located deposit's distance to rail, to 0.1 m: Upper Kairakty 35,212.3 m (README's near-rail, 35.2 km).
        let distances = try XCTUnwrap(try element("dm-distances", in: page).objectValue)
        XCTAssertEqual(distances["kz-w-001"]?.arrayValue?.first?.doubleValue, 35212.3)
        XCTAssertEqual(distances.members.count, 19)  // 19 of the 54 have a published location (near-rail --all)
        // Every request goes to the same origin: paths, never a host.
        let options = try XCTUnwrap(try element("dm-options", in: page).objectValue)
        XCTAssertEqual(options["at"]?.stringValue, "/at?place=")
        XCTAssertEqual(options["nearRail"]?.stringValue, "/near-rail?place=")
        XCTAssertEqual(options["deposits"]?.stringValue, "/collections/deposits/items?limit=10000&f=json")
        for value in options.members.map(\.value) { XCTAssertTrue(value.stringValue?.hasPrefix("/") == true) }
    }
}
