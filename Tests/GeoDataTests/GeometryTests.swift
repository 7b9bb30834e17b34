import DepositIndex
import Geo
import XCTest

/// Every geometry is valid in GEOS, wound as RFC 7946 asks, and every id is unique across the dataset.
final class GeometryTests: XCTestCase {
    func testEveryGeometryIsValidAndWoundCounterClockwise() throws {
        for layer in GeoDataFiles.layerNames {
            for f in try GeoDataFiles.features(layer) {
                guard let shape = f.geometry else { continue }
                let problem = try Geometry(shape).validityProblem()
                XCTAssertNil(problem, "\(layer) \(f.id!): \(problem.map(String.init(describing:)) ?? "")")
                XCTAssertTrue(shape.isWoundForRFC7946, "\(layer) \(f.id!): exterior rings must be counter-clockwise, holes clockwise")
            }
        }
    }

    func testIDsAreUniqueAcrossTheDataset() throws {
        var seen = [String: String]()
        for layer in GeoDataFiles.layerNames {
            for f in try GeoDataFiles.features(layer) {
                if let other = seen[f.id!] { XCTFail("id \(f.id!) is in both \(other) and \(layer)") }
                seen[f.id!] = layer
            }
        }
    }
}
