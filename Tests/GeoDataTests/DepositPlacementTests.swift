import DepositIndex
import Geo
import XCTest

/// Located deposits lie in Kazakhstan and in the region their sources name.
final class DepositPlacementTests: XCTestCase {
    func testLocatedDepositsLieInsideKazakhstan() throws {
        let country = try PreparedGeometry(Geometry(try GeoDataFiles.feature("country", id: "KZ").geometry!))
        for f in try GeoDataFiles.features("deposits") {
            guard let shape = f.geometry else { continue }
            XCTAssertTrue(try country.covers(Geometry(shape)), "\(f.id!) reaches outside Kazakhstan")
        }
    }

    func testDepositsLieInTheirExpectedRegions() throws {
        // Issue 3 and PROVENANCE §3 for the first five; the region notes of deposits_added.csv for the rest.
        let expected = [
            "kz-w-001": "KZ-KAR", "kz-w-003": "KZ-KAR", "kz-w-002": "KZ-ALM", "kz-cu-003": "KZ-ABY", "kz-cu-001": "KZ-PAV",
            "kz-cu-002": "KZ-KAR", "kz-pb-001": "KZ-KAR", "kz-mo-101": "KZ-KAR", "kz-cu-101": "KZ-ULT", "kz-cu-103": "KZ-ZHT",
            "kz-u-105": "KZ-KZY", "kz-u-101": "KZ-YUZ",
        ]
        for (id, iso) in expected.sorted(by: { $0.key < $1.key }) {
            let region = try PreparedGeometry(Geometry(try GeoDataFiles.feature("regions", id: iso).geometry!))
            let deposit = try Geometry(try XCTUnwrap(try GeoDataFiles.feature("deposits", id: id).geometry, id))
            XCTAssertTrue(try region.covers(deposit), "\(id) is not inside \(iso)")
        }
    }

    func testUpperKairaktyIsTheBlockHoldingItsPublishedPoint() throws {
        // Russian Wikipedia infobox: 48°41′02″N 73°15′31″E, so the 1′ block 48°41′–48°42′ N, 73°15′–73°16′ E.
        let f = try GeoDataFiles.feature("deposits", id: "kz-w-001")
        let box = try XCTUnwrap(Envelope(covering: try XCTUnwrap(f.geometry).coordinates))
        XCTAssertEqual(box.minY * 60, 48 * 60 + 41, accuracy: 1e-4)
        XCTAssertEqual(box.maxY * 60, 48 * 60 + 42, accuracy: 1e-4)
        XCTAssertEqual(box.minX * 60, 73 * 60 + 15, accuracy: 1e-4)
        XCTAssertEqual(box.maxX * 60, 73 * 60 + 16, accuracy: 1e-4)
        // One 1′ block there: 1852 m × 1852·cos(48.69°) m ≈ 2.27 km² (closed form on a sphere of the mean radius; the
        // ellipsoid differs by under 1 %).
        XCTAssertEqual(Geodesic.wgs84.area(of: f.geometry!) / 1e6, 2.27, accuracy: 0.03)
    }

    func testAkzhalPublishedToWholeMinutesCoversFourBlocks() throws {
        // Wikipedia gives 47°46′N 74°01′E; the ±0.5′ square around that corner touches 47°45′–47°47′, 74°00′–74°02′.
        let shape = try XCTUnwrap(try GeoDataFiles.feature("deposits", id: "kz-pb-001").geometry)
        let box = try XCTUnwrap(Envelope(covering: shape.coordinates))
        XCTAssertEqual(box.minY * 60, 47 * 60 + 45, accuracy: 1e-4)
        XCTAssertEqual(box.maxY * 60, 47 * 60 + 47, accuracy: 1e-4)
        XCTAssertEqual(box.minX * 60, 74 * 60 + 0, accuracy: 1e-4)
        XCTAssertEqual(box.maxX * 60, 74 * 60 + 2, accuracy: 1e-4)
    }
}
