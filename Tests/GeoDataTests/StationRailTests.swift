import DepositIndex
import Foundation
import Geo
import XCTest

/// Every station lies within 2 km of a line of the rail layer (a port or border crossing within 5 km: Oazis, the
/// Kazakh station of the Beineu–Kungrad crossing, is 2.8 km from Natural Earth's line), measured geodesically: the nearby lines are
/// projected into an azimuthal equidistant plane centred on the station, where distances from the centre
/// are the ellipsoid's.
final class StationRailTests: XCTestCase {
    func testEveryStationIsWithinTwoKilometresOfARailLineAndEveryGatewayWithinFive() throws {
        let lines = try GeoDataFiles.features("rail").map { f -> (shape: Shape, box: Envelope) in
            (f.geometry!, Envelope(covering: f.geometry!.coordinates)!)
        }
        for station in try GeoDataFiles.features("stations") {
            guard case .point(let p)? = station.geometry else { return XCTFail("\(station.id!) is not a Point") }
            let gateway = ["port", "border_crossing"].contains(station.properties["kind"]?.stringValue ?? "")
            let reach = gateway ? 5_000.0 : 2_000.0
            // 5 km is under 0.05° of latitude and 0.1° of longitude anywhere in Kazakhstan (south of 56°N).
            let box = Envelope(minX: p.x - 0.1, minY: p.y - 0.05, maxX: p.x + 0.1, maxY: p.y + 0.05)
            let near = lines.filter { $0.box.intersects(box) }
            guard !near.isEmpty else { XCTFail("\(station.id!) \(station.properties["name"]!): no rail line nearby"); continue }
            let plane = try LocalProjection.centered(on: p, kind: .azimuthalEquidistant)
            let projected = try Geometry.collection(near.map { try Geometry(try plane.forward($0.shape)) })
            let distance = try projected.planarDistance(to: Geometry(point: Coordinate(x: 0, y: 0)))
            XCTAssertLessThanOrEqual(distance, reach, "\(station.id!) \(station.properties["name"]!) is \(distance) m from the rail layer")
        }
    }
}
