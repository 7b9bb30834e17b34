import Foundation
import Geo
import XCTest
@testable import DepositIndex

/// Our answers against the reference answers in ../shared/reference (see its README): PostGIS 3.3
/// geography, Shapely 2 + pyproj, and for `tiny` the values derived by hand from geodesic constructions.
/// Tolerances are the README's: distances within 1 m of Shapely and within 5 m or 0.2% of PostGIS,
/// areas within 0.5%, fractions within 0.002, ids identical (ties aside).
final class ReferenceTests: XCTestCase {
    enum Source { case shapely, postgis, expected }

    /// Largest disagreement seen per kind, printed for the closing note.
    struct Worst: CustomStringConvertible {
        var distance = (0.0, ""), relative = (0.0, ""), area = (0.0, ""), fraction = (0.0, "")
        mutating func note(_ kind: WritableKeyPath<Worst, (Double, String)>, _ value: Double, _ where_: String) {
            if value > self[keyPath: kind].0 { self[keyPath: kind] = (value, where_) }
        }
        var description: String {
            "distance \(distance.0) m (\(distance.1)); relative \(relative.0) (\(relative.1)); area \(area.0 * 100)% (\(area.1)); fraction \(fraction.0) (\(fraction.1))"
        }
    }

    func testTinyAgainstHandDerived() throws { try check("tiny", "expected.json", .expected) }
    func testTinyAgainstShapely() throws { try check("tiny", "answers-shapely.json", .shapely) }
    func testTinyAgainstPostGIS() throws { try check("tiny", "answers-postgis.json", .postgis) }
    func testSynth2000AgainstShapely() throws { try check("synth-2000", "answers-shapely.json", .shapely) }
    func testSynth2000AgainstPostGIS() throws { try check("synth-2000", "answers-postgis.json", .postgis) }

    private func catalog(_ dataset: String) throws -> Catalog {
        try Catalog(directory: try Reference.directory(dataset))
    }

    private func distanceOK(_ ours: Double, _ ref: Double, _ source: Source) -> Bool {
        switch source {
        case .shapely, .expected: return abs(ours - ref) <= 1
        case .postgis: return abs(ours - ref) <= max(5, 0.002 * ref)
        }
    }

    private func check(_ dataset: String, _ file: String, _ source: Source) throws {
        let cat = try catalog(dataset)
        let answers = try Reference.json(dataset, file)
        var worst = Worst()
        func compareDistance(_ ours: Double, _ ref: Double, _ label: String) {
            let diff = abs(ours - ref)
            worst.note(\.distance, diff, label)
            if ref > 0 { worst.note(\.relative, diff / ref, label) }
            XCTAssert(distanceOK(ours, ref, source), "\(dataset) \(file) \(label): ours \(ours) m, reference \(ref) m")
        }

        // Nearest rail per deposit.
        for row in answers["near_rail"] as! [[String: Any]] {
            let id = row["deposit_id"] as! String, railID = row["rail_id"] as! String, ref = row["distance_m"] as! Double
            let ours = try XCTUnwrap(try cat.nearestRail(to: .deposit(id), k: 1).first, id)
            if ours.railId != railID {
                // A tie: the reference's line must be as near as ours.
                let theirs = try cat.nearestRail(to: .deposit(id), k: 5).first { $0.railId == railID }
                XCTAssertEqual(theirs?.distanceM ?? .infinity, ours.distanceM, accuracy: 0.05, "\(id): \(ours.railId) vs \(railID)")
            }
            compareDistance(ours.distanceM, ref, "near_rail \(id)")
        }

        // Corridor membership and overlap.
        for row in answers["corridor_overlap"] as! [[String: Any]] {
            let id = row["corridor_id"] as! String
            let width = (row["width_km"] as? Double) ?? (row["half_width_m"] as! Double) / 500
            let ours = try cat.corridorOverlap(corridor: id, widthKm: width)
            let refDeposits = row["deposits"] as! [[String: Any]]
            XCTAssertEqual(Set(ours.deposits.map(\.id)), Set(refDeposits.map { $0["deposit_id"] as! String }), "\(dataset) corridor \(id)")
            for ref in refDeposits {
                let depID = ref["deposit_id"] as! String
                guard let mine = ours.deposits.first(where: { $0.id == depID }) else { continue }
                compareDistance(mine.distanceM, ref["distance_m"] as! Double, "corridor \(id) \(depID)")
                let refArea = ref["overlap_km2"] as! Double
                let relative = abs(mine.overlapKm2 - refArea) / max(refArea, 1e-6)
                if refArea > 1e-4 { worst.note(\.area, relative, "corridor \(id) \(depID)") }
                XCTAssert(relative <= 0.005 || abs(mine.overlapKm2 - refArea) <= 2e-6,
                          "\(dataset) corridor \(id) \(depID): ours \(mine.overlapKm2) km², reference \(refArea) km²")
            }
        }

        // Region containment.
        for row in answers["region_containment"] as! [[String: Any]] {
            let id = row["deposit_id"] as! String
            let coveredBy = row["covered_by"] as! [String]
            let fractions = row["fractions"] as! [[String: Any]]
            let ours = try cat.regionShares(of: id)
            if !coveredBy.isEmpty {
                let whole = ours.regions.filter { $0.share >= 0.998 || cat.deposit(id: id)?.geometry.map { if case .point = $0 { return true } else { return false } } == true }
                XCTAssertEqual(Set(whole.map(\.id)), Set(coveredBy), "\(dataset) \(id) covered_by")
            } else {
                var refShares = [String: Double]()
                for f in fractions { refShares[f["region_id"] as! String] = f["fraction"] as? Double }
                let mine = Dictionary(uniqueKeysWithValues: ours.regions.filter { $0.share > 1e-6 }.map { ($0.id, $0.share) })
                XCTAssertEqual(Set(mine.keys), Set(refShares.filter { $0.value > 1e-6 }.keys), "\(dataset) \(id) fractions")
                for (region, share) in refShares {
                    let diff = abs((mine[region] ?? 0) - share)
                    worst.note(\.fraction, diff, "\(id) in \(region)")
                    XCTAssertLessThanOrEqual(diff, 0.002, "\(dataset) \(id) in \(region): ours \(mine[region] ?? 0), reference \(share)")
                }
            }
        }

        // Query points.
        let points = Dictionary(uniqueKeysWithValues: try Reference.points(dataset).map { ($0.id, $0) })
        for row in answers["points"] as! [[String: Any]] {
            let id = row["point_id"] as! String
            let p = try XCTUnwrap(points[id]).point
            XCTAssertEqual(Set(try cat.regions(containing: p).map(\.id)), Set(row["regions"] as! [String]), "\(dataset) \(id) regions")
            let nearest = row["nearest_rail"] as! [String: Any]
            let ours = try XCTUnwrap(try cat.nearestRail(to: .point(p)).first)
            XCTAssertEqual(ours.railId, nearest["rail_id"] as? String, "\(dataset) \(id) nearest rail")
            compareDistance(ours.distanceM, nearest["distance_m"] as! Double, "point \(id) rail")
            let radius = (row["radius_km"] as! Double) * 1000
            let within = try cat.deposits(near: p, within: radius)
            let refWithin = row["deposits_within"] as! [[String: Any]]
            // Deposits right at the radius may fall either side by rounding; compare those clear of it.
            let clear = { (d: Double) in abs(d - radius) > 1 }
            XCTAssertEqual(within.filter { clear($0.distanceM) }.map(\.id),
                           refWithin.filter { clear($0["distance_m"] as! Double) }.map { $0["deposit_id"] as! String }, "\(dataset) \(id) within")
            for ref in refWithin {
                if let mine = within.first(where: { $0.id == ref["deposit_id"] as! String }) {
                    compareDistance(mine.distanceM, ref["distance_m"] as! Double, "point \(id) \(mine.id)")
                }
            }
        }
        print("largest disagreement with \(dataset)/\(file): \(worst)")
    }
}
