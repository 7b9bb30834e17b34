import Foundation
import Geo

/// The `bbox` of an items request: west, south, east, north in degrees of WGS84 longitude and latitude
/// (CRS84). A box whose west edge lies east of its east edge crosses the antimeridian (OGC API –
/// Features Part 1, 7.15.3): `bbox=170,-20,-170,-10` is the 20° from 170°E to 170°W.
struct BoundingBox: Sendable, Equatable {
    var west: Double, south: Double, east: Double, north: Double

    /// Why a `bbox` value cannot be used, for the problem body.
    struct Invalid: Error { let reason: String }

    /// Reads `minLon,minLat,maxLon,maxLat` (or the six-number form with heights, whose heights are not
    /// used: the layers are two-dimensional).
    init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 4 || parts.count == 6 else {
            throw Invalid(reason: "expected 4 numbers (west,south,east,north) or 6 (with heights), got \(parts.count)")
        }
        var numbers = [Double]()
        for (i, p) in parts.enumerated() {
            guard let d = DecimalText.double(p) else { throw Invalid(reason: "value \(i + 1) ('\(p)') is not a finite decimal number") }
            numbers.append(d)
        }
        let (w, s, e, n) = parts.count == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3])
                                            : (numbers[0], numbers[1], numbers[3], numbers[4])
        for (name, lon) in [("west", w), ("east", e)] where !(-180...180).contains(lon) {
            throw Invalid(reason: "\(name) longitude \(lon) is outside -180..180")
        }
        for (name, lat) in [("south", s), ("north", n)] where !(-90...90).contains(lat) {
            throw Invalid(reason: "\(name) latitude \(lat) is outside -90..90")
        }
        guard s <= n else { throw Invalid(reason: "south \(s) is north of north \(n)") }
        west = w; south = s; east = e; north = n
    }

    init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// True when the box crosses the antimeridian (west edge east of the east edge).
    var crossesAntimeridian: Bool { west > east }

    /// The box as plain longitude/latitude rectangles within ±180°: one, or two when it crosses the
    /// antimeridian.
    var rectangles: [Envelope] {
        if crossesAntimeridian {
            return [Envelope(minX: west, minY: south, maxX: 180, maxY: north),
                    Envelope(minX: -180, minY: south, maxX: east, maxY: north)]
        }
        return [Envelope(minX: west, minY: south, maxX: east, maxY: north)]
    }
}
