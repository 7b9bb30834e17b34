@testable import DepositIndex
import Geo
import XCTest

/// `Catalog.regionShares(for:)` (every deposit's region shares, `region --all`) is `regionShares(of:)` for
/// each deposit, and a deposit across the antimeridian is measured against both sides of a region written
/// as two polygons meeting at ±180° (RFC 7946's form), where the cut between them is no border.
final class RegionSharesBatchTests: XCTestCase {
    /// Equality with the independent path: the single question, deposit by deposit, on the bundled data.
    func testTheBatchIsTheSingleQuestionForEveryBundledDeposit() throws {
        let catalog = try Catalog.bundled()
        let batch = try catalog.regionShares(for: catalog.deposits)
        XCTAssertEqual(batch.count, 54)
        XCTAssertEqual(batch.compactMap { $0 }.count, 19)  // GeoData/README.md: 19 located, 35 with null geometry
        for (d, shares) in zip(catalog.deposits, batch) {
            if d.geometry == nil { XCTAssertNil(shares, d.id); continue }
            XCTAssertEqual(shares, try catalog.regionShares(of: d.id), d.id)
        }
    }

    /// A square of ±0.01° about (180°, 15°S), 2.14 km E–W by 2.21 km N–S. Region "both" is 170°E to 170°W
    /// written as two polygons meeting at ±180°; "east" is its part from 170°E to 180° alone.
    private func antimeridianCatalog() -> (Catalog, Deposit) {
        func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(longitude: lon, latitude: lat) }
        func box(_ w: Double, _ e: Double) -> [[Coordinate]] { [[c(w, -20), c(e, -20), c(e, -10), c(w, -10), c(w, -20)]] }
        let deposit = Deposit(id: "d", name: "straddling", geometry: .polygon([[c(179.99, -15.01), c(-179.99, -15.01), c(-179.99, -14.99), c(179.99, -14.99), c(179.99, -15.01)]]))
        let both = Region(id: "XX-B", name: "both", nameKk: nil, nameRu: nil, geometry: .multiPolygon([box(170, 180), box(-180, -170)]), properties: JSONObject())
        let east = Region(id: "XX-E", name: "east", nameKk: nil, nameRu: nil, geometry: .polygon(box(170, 180)), properties: JSONObject())
        return (Catalog(deposits: [deposit], rail: [], regions: [both, east]), deposit)
    }

    /// "both" holds the whole deposit (share 1, nothing outside: it lies 5° inside every real border;
    /// before, only the east side was counted and 0.5 was "outside"); "east" holds its east half, 0.5 by
    /// the square's mirror symmetry about the 180° meridian (both sides are the same shape, and an
    /// equal-area plane centred on that meridian keeps the symmetry).
    func testADepositAcrossTheAntimeridianIsMeasuredOnBothSides() throws {
        let (catalog, deposit) = antimeridianCatalog()
        let shares = try catalog.regionShares(of: deposit)
        XCTAssertEqual(shares.regions.map(\.id), ["XX-B", "XX-E"])
        XCTAssertEqual(shares.regions[0].share, 1, accuracy: 1e-9)
        XCTAssertEqual(shares.regions[1].share, 0.5, accuracy: 1e-6)
        // The rest (1 - 1 - 0.5 < 0) is clamped to none outside.
        XCTAssertEqual(shares.outsideShare, 0)
        XCTAssertEqual(try catalog.regionShares(for: [deposit]), [shares])
        // The cut between "both"'s two sides is no border (the deposit lies 5° inside its real ones);
        // "east" ends at 180°, a border the deposit crosses.
        XCTAssertEqual(shares.regions.map(\.onBoundary), [false, true])
    }

    /// A point on the antimeridian inside a region written as its two sides is in that region, wholly and
    /// not on its border, written as +180° or as -180° (before, the cut counted as a border).
    func testAPointOnTheAntimeridianIsInsideARegionAcrossIt() throws {
        let (full, _) = antimeridianCatalog()
        let catalog = Catalog(deposits: [], rail: [], regions: full.regions.filter { $0.id == "XX-B" })
        for lon in [180.0, -180.0] {
            let found = try catalog.regions(containing: Coordinate(longitude: lon, latitude: -15))
            XCTAssertEqual(found.map(\.id), ["XX-B"], "\(lon)")
            XCTAssertEqual(found.map(\.share), [1], "\(lon)")
            XCTAssertEqual(found.map(\.onBoundary), [false], "\(lon)")
        }
    }

    /// A geometry library's error met on one deposit of a batch names that deposit and keeps its kind
    /// (the CLI's exit code follows the kind); any other error passes unchanged.
    func testAGeometryErrorInABatchNamesTheDeposit() {
        XCTAssertEqual(Catalog.naming(GeoError.geos("TopologyException: side location conflict"), deposit: "dep-0000042") as? GeoError,
                       .geos("deposit \"dep-0000042\": TopologyException: side location conflict"))
        XCTAssertEqual(Catalog.naming(GeoError.invalidInput("ring not closed"), deposit: "d1") as? GeoError,
                       .invalidInput("deposit \"d1\": ring not closed"))
        XCTAssertEqual(Catalog.naming(GeoError.proj("no transform"), deposit: "d1") as? GeoError, .proj("deposit \"d1\": no transform"))
        XCTAssertEqual(Catalog.naming(QueryError.invalidArgument("x"), deposit: "d1") as? QueryError, .invalidArgument("x"))
    }
}
