import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// Answers on the bundled GeoData to the questions the project started from.
final class BundledDataTests: XCTestCase {
    private func bundled() throws -> Catalog {
        guard Catalog.bundledDirectory != nil else { throw XCTSkip("no bundled GeoData/ yet (issue 3)") }
        return try Catalog.bundled()
    }

    /// Upper Kairakty to the nearest rail line and to Zharyk station. A public source gives 35 km from the
    /// deposit to Zharyk station by road, so the straight-line (geodesic) distance can be no more, give or
    /// take the footprint's stated `location_precision_m`; the rail line through the station is no farther.
    func testUpperKairaktyToRailAndZharyk() throws {
        let cat = try bundled()
        let deposit = try XCTUnwrap(cat.deposits(matching: "Upper Kairakty").first)
        let rail = try XCTUnwrap(try cat.nearestRail(to: .deposit(deposit.id)).first)
        let precision = deposit.locationPrecisionM ?? 0
        XCTAssertLessThanOrEqual(rail.distanceM, 35_000 + precision)
        XCTAssertEqual(Geodesic.wgs84.distance(rail.fromPoint, rail.railPoint), rail.distanceM, accuracy: 1e-3)
        print("Upper Kairakty: nearest rail \(rail.railId) \(rail.railName) at \(rail.distanceM) m; station \(rail.station.map { "\($0.name) \($0.distanceM) m" } ?? "none")")
        let zharyks = cat.stations(matching: "Zharyk").map { s in
            (s, GeodesicDistance.nearest(from: deposit.geometry!, to: [[s.location]])!.distance)
        }.sorted { $0.1 < $1.1 }
        guard let (zharyk, distance) = zharyks.first, distance < 200_000 else {
            throw XCTSkip("the bundled stations have no Zharyk within 200 km of Upper Kairakty (nearest so spelled: \(zharyks.first.map { "\($0.0.id) at \(Int($0.1)) m" } ?? "none")); a GeoData gap")
        }
        print("Upper Kairakty to \(zharyk.name): \(distance) m")
        XCTAssertLessThanOrEqual(distance, 35_000 + precision)
    }

    /// The deposits within the Trans-Caspian corridor (both branches), each truly within half its width.
    func testDepositsWithinTheTransCaspianCorridor() throws {
        let cat = try bundled()
        let branches = cat.corridors(matching: "Trans-Caspian")
        XCTAssertFalse(branches.isEmpty)
        for corridor in branches {
            let overlap = try cat.corridorOverlap(corridor: corridor.id)
            print("\(corridor.id) (\(corridor.widthKm) km): \(overlap.deposits.map { "\($0.name) \(Int($0.distanceM)) m" })")
            for d in overlap.deposits {
                XCTAssertLessThanOrEqual(d.distanceM, corridor.widthKm * 500)
                XCTAssert((0...1).contains(d.share))
            }
        }
    }

    /// Loading checks every layer; every located deposit falls in some region.
    func testEveryLocatedDepositHasARegion() throws {
        let cat = try bundled()
        for d in cat.deposits where d.geometry != nil {
            XCTAssertFalse(try cat.regionShares(of: d.id).regions.isEmpty, d.id)
        }
    }
}
