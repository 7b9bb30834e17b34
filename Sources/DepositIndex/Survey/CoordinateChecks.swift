import Geo

/// Are the numbers longitude and latitude at all? Non-finite values, metres mistaken for degrees,
/// swapped axes and plain out-of-range values, each told apart so the hint can name the fix.
enum CoordinateChecks {
    /// Kazakhstan's extent (46.49–87.36° E, 40.57–55.44° N), used when no catalog outline is given.
    static let kazakhstanBox = Envelope(minX: 46.4, minY: 40.5, maxX: 87.4, maxY: 55.5)

    /// Above this, in either axis, a number is metres, not degrees: no degree value comes near it.
    static let metreThreshold = 1000.0

    /// True when every coordinate can be read as longitude, latitude in degrees near home.
    /// - Parameter isHome: whether a longitude/latitude point lies where surveys are expected (Kazakhstan).
    static func check(_ shape: Shape, homeBox: Envelope, isHome: (Coordinate) -> Bool, into sink: inout ProblemSink) -> Bool {
        let cs = shape.coordinates
        var finite = true
        for (i, c) in cs.enumerated() where !c.isFinite {
            sink.add(.nonFiniteCoordinate, "position \(i + 1) is (\(c.x), \(c.y)): NaN or infinite")
            finite = false
        }
        guard finite else { return false }
        let outside = cs.filter { abs($0.x) > 180 || abs($0.y) > 90 }
        if outside.isEmpty {
            return checkSwapInRange(cs, homeBox: homeBox, isHome: isHome, into: &sink)
        }
        if cs.allSatisfy({ max(abs($0.x), abs($0.y)) >= metreThreshold }) {
            sink.add(.projectedCoordinates, "the coordinates look like metres, not degrees (first position \(CoordinateFormat.number(cs[0].x, decimals: 2)), \(CoordinateFormat.number(cs[0].y, decimals: 2)))\(projectedGuess(cs))")
            return false
        }
        if cs.allSatisfy({ abs($0.y) <= 180 && abs($0.x) <= 90 }) {
            let first = cs.first { abs($0.y) > 90 } ?? cs[0]
            sink.add(.coordinatesSwapped, at: swapped(cs[0]),
                     "\(first.y) cannot be a latitude; read as [latitude, longitude] every position is valid, so the pairs are swapped")
            return false
        }
        for c in outside {
            sink.add(.coordinateOutOfRange, "(\(CoordinateFormat.number(c.x)), \(CoordinateFormat.number(c.y))) is not a longitude in [-180, 180] and latitude in [-90, 90]")
        }
        return false
    }

    /// Every value is a valid degree, but the survey may still be swapped: the longitude-first reading
    /// lies away from home while the latitude-first one lands there.
    private static func checkSwapInRange(_ cs: [Coordinate], homeBox: Envelope, isHome: (Coordinate) -> Bool, into sink: inout ProblemSink) -> Bool {
        guard let box = Envelope(covering: cs) else { return true }
        let center = box.center
        if homeBox.contains(center) && isHome(center) { return true }
        let turned = swapped(center)
        if homeBox.contains(turned) && isHome(turned) {
            sink.add(.coordinatesSwapped, at: swapped(cs[0]),
                     "read as [longitude, latitude] the survey lies at \(CoordinateFormat.pair(center)), outside Kazakhstan; read as [latitude, longitude] it lies inside, so the pairs are swapped")
            return false
        }
        return true
    }

    static func swapped(_ c: Coordinate) -> Coordinate { Coordinate(x: c.y, y: c.x) }

    /// What CRS metre values probably are in, from their size, for the hint.
    static func projectedGuess(_ cs: [Coordinate]) -> String {
        guard let box = Envelope(covering: cs) else { return "" }
        let x = box.center.x, y = box.center.y
        func isNorthing(_ v: Double) -> Bool { v >= 3_000_000 && v <= 9_000_000 }
        // Pulkovo 1942 Gauss-Kruger eastings carry the 6° zone number in the millions; Kazakhstan is zones 8 to 15.
        if x >= 4_000_000, x < 33_000_000, isNorthing(y) {
            let zone = Int(x / 1_000_000)
            return ": eastings of \(CoordinateFormat.number(x, decimals: 0)) carry a Gauss-Kruger zone number \(zone); try --crs EPSG:\(28400 + zone) (Pulkovo 1942 / Gauss-Kruger zone \(zone))"
        }
        if x >= 100_000, x <= 900_000, isNorthing(y) {
            return ": eastings near 500,000 m and northings of \(CoordinateFormat.number(y, decimals: 0)) m suggest UTM north (Kazakhstan lies in zones 38N–46N, EPSG:32638–32646) or Gauss-Kruger without the zone number"
        }
        if isNorthing(x), (y >= 100_000 && y < 33_000_000) {
            return ": the first column looks like northings, the second like eastings; swap the columns and state the CRS"
        }
        return "; state the CRS with --crs EPSG:NNNN"
    }
}
