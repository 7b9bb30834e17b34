import DepositIndex
import Geo
import XCTest

/// Regions tile the country: PROVENANCE §1 measured 0.00 km² of pairwise overlap and 7.4 km² between the
/// union and kaz_adm0_2018; issue 3 allows under 1 km² and under 10 km².
final class RegionTests: XCTestCase {
    func testRegionsDoNotOverlap() throws {
        let regions = try GeoDataFiles.features("regions").map { (id: $0.id!, geometry: try Geometry($0.geometry!)) }
        for (i, a) in regions.enumerated() {
            for b in regions[(i + 1)...] {
                guard let ea = a.geometry.envelope, let eb = b.geometry.envelope, ea.intersects(eb) else { continue }
                let overlap = Geodesic.wgs84.area(of: try a.geometry.intersection(b.geometry))
                XCTAssertLessThan(overlap, 1e6, "\(a.id) and \(b.id) overlap by \(overlap) m²")
            }
        }
    }

    func testUnionOfRegionsMatchesTheCountry() throws {
        let union = try Geometry.union(try GeoDataFiles.features("regions").map { try Geometry($0.geometry!) })
        let country = try Geometry(try GeoDataFiles.feature("country", id: "KZ").geometry!)
        let difference = Geodesic.wgs84.area(of: try union.difference(country)) + Geodesic.wgs84.area(of: try country.difference(union))
        XCTAssertLessThan(difference, 10e6, "regions and country differ by \(difference / 1e6) km²")
    }
}
