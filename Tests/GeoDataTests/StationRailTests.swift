import DepositIndex
import Foundation
import Geo
import XCTest

/// Every station lies within 2 km of a line of the rail layer, measured geodesically: the nearby lines are
/// projected into an azimuthal equidistant plane centred on the station, where distances from the centre
/// are the ellipsoid's.
final class StationRailTests: XCTestCase {
    func testEveryStationIsWithinTwoKilometresOfARailLine() throws {
        let lines = try GeoDataFiles.features("rail").map { f -> (shape: Shape, box: Envelope) in
            (f.geometry!, Envelope(covering: f.geometry!.coordinates)!)
        }
        for station in try GeoDataFiles.features("stations") {
            guard case .point(let p)? = station.geometry else { return XCTFail("\(station.id!) is not a Point") }
            // 2 km is under 0.02° of latitude and 0.04° of longitude anywhere in Kazakhstan (south of 56°N).
            let box = Envelope(minX: p.x - 0.04, minY: p.y - 0.02, maxX: p.x + 0.04, maxY: p.y + 0.02)
            let near = lines.filter { $0.box.intersects(box) }
            guard !near.isEmpty else { XCTFail("\(station.id!) \(station.properties["name"]!): no rail line nearby"); continue }
            let plane = try LocalProjection.centered(on: p, kind: .azimuthalEquidistant)
            let projected = try Geometry.collection(near.map { try Geometry(try plane.forward($0.shape)) })
            let distance = try projected.planarDistance(to: Geometry(point: Coordinate(x: 0, y: 0)))
            XCTAssertLessThanOrEqual(distance, 2_000, "\(station.id!) \(station.properties["name"]!) is \(distance) m from the rail layer")
        }
    }
}
