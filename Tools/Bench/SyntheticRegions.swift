import DepositIndex
import Foundation
import Geo

/// The world set's regions layer (`deposits-bench --world`, issue 16): cells of a seeded, roughly equal-area
/// longitude–latitude grid over the globe between ±89.5° (`SyntheticWorld.maxLatitude`), each kept when a
/// deposit reaches it, so they tile the land the deposits are on and deposits straddle their borders.
///
/// Bands of equal height; in each, `360 cos(φ) / size` cells (φ the band's middle latitude), started at a
/// seeded longitude so that one cell of each band crosses the antimeridian (written, as RFC 7946 asks, as
/// a MultiPolygon of its two sides of ±180°). The bands next to the poles, and any that would have fewer
/// than three cells, are one cell all the way round: the polar caps (to 0.5° from the pole, where the
/// synthetic data stops).
/// Cell edges are geodesics, as every edge in the data is: along a parallel, every cell on either side
/// has a vertex at each multiple of `vertexStep` and at every cell corner on that parallel, so the cells
/// on both sides of it share the same vertices and so the same edges (no gap, no overlap); along a meridian
/// the edge is the meridian. The cell size is chosen so that about `target` cells are kept.
enum SyntheticRegions {
    /// Longitude between vertices along a parallel (degrees).
    static let vertexStep = 0.5

    struct Band {
        var south: Double
        var north: Double
        var cells: Int
        /// Where the band's first cell starts east of -180° (degrees, under one cell's width).
        var offset: Double
        var width: Double { 360 / Double(cells) }
    }

    /// The bands of a grid whose cells are about `size` degrees of longitude wide at the equator.
    static func bands(size: Double, seed: UInt64) -> [Band] {
        var rng = SeededRandom(seed: seed)
        let top = SyntheticWorld.maxLatitude
        let count = max(1, Int((2 * top / size).rounded()))
        let height = 2 * top / Double(count)
        return (0..<count).map { b in
            let south = -top + Double(b) * height, north = b == count - 1 ? top : south + height
            var cells = Int((360 * cos((south + north) / 2 * .pi / 180) / size).rounded())
            if cells < 3 || b == 0 || b == count - 1 { cells = 1 }
            let offset = cells == 1 ? 0 : Double.random(in: 0..<(360 / Double(cells)), using: &rng)
            return Band(south: south, north: north, cells: cells, offset: offset)
        }
    }

    /// The band and cell holding `c` (longitude–latitude, the cells' straight-line form).
    static func cell(of c: Coordinate, in bands: [Band]) -> (band: Int, cell: Int) {
        let top = SyntheticWorld.maxLatitude
        let height = 2 * top / Double(bands.count)
        let b = max(0, min(bands.count - 1, Int((c.latitude + top) / height)))
        var x = (c.longitude + 180 - bands[b].offset).truncatingRemainder(dividingBy: 360)
        if x < 0 { x += 360 }
        return (b, min(bands[b].cells - 1, Int(x / bands[b].width)))
    }

    /// How far north (south in the southern hemisphere) of the parallel at `latitude` the geodesic between
    /// two of its points `vertexStep` apart reaches, in degrees: how far a cell's edge strays from the
    /// straight-line form `cell(of:in:)` tests.
    static func bow(at latitude: Double) -> Double {
        let a = Coordinate(longitude: 0, latitude: latitude), b = Coordinate(longitude: vertexStep, latitude: latitude)
        let g = Geodesic.wgs84, inverse = g.inverse(a, b)
        return abs(g.direct(from: a, azimuth: inverse.azimuth1, distance: inverse.distance / 2).point.latitude - latitude)
    }

    /// The cells `deposits` reach: each vertex's cell, and the cell across a parallel from a vertex nearer
    /// it than that parallel's edges bow.
    static func reached(by deposits: [Deposit], bands: [Band]) -> Set<[Int]> {
        let height = 2 * SyntheticWorld.maxLatitude / Double(bands.count)
        let bows = (0...bands.count).map { bow(at: -SyntheticWorld.maxLatitude + Double($0) * height) }
        var reached = Set<[Int]>()
        for d in deposits {
            for v in d.geometry?.coordinates ?? [] {
                let (b, c) = cell(of: v, in: bands)
                reached.insert([b, c])
                if b > 0, v.latitude - bands[b].south <= bows[b] {
                    let below = cell(of: Coordinate(longitude: v.longitude, latitude: bands[b].south - height / 2), in: bands)
                    reached.insert([below.band, below.cell])
                }
                if b < bands.count - 1, bands[b].north - v.latitude <= bows[b + 1] {
                    let above = cell(of: Coordinate(longitude: v.longitude, latitude: bands[b].north + height / 2), in: bands)
                    reached.insert([above.band, above.cell])
                }
            }
        }
        return reached
    }

    /// The regions layer: about `target` cells (at least one), in the GeoData regions schema.
    static func features(deposits: [Deposit], target: Int, seed: UInt64) -> [Feature] {
        // The kept count falls as the cells grow: bisect the size (degrees) for the count nearest the target.
        // Bisected on a sample of up to 20,000 deposits (the count of cells reached grows slowly with the
        // deposits once they are dense), then the cells every deposit reaches are kept.
        let sample = stride(from: 0, to: deposits.count, by: max(1, deposits.count / 20_000)).map { deposits[$0] }
        var small = 0.05, large = 180.0
        var best: (size: Double, count: Int)?
        for _ in 0..<24 {
            let size = (small * large).squareRoot()
            let count = reached(by: sample, bands: bands(size: size, seed: seed)).count
            if best == nil || abs(count - target) < abs(best!.count - target) { best = (size, count) }
            if count == target { break }
            if count > target { small = size } else { large = size }
        }
        guard let best else { return [] }
        let bands = bands(size: best.size, seed: seed)
        return reached(by: deposits, bands: bands).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.enumerated().map { n, key in
            let shape = cellShape(band: key[0], cell: key[1], bands: bands)
            let id = String(format: "XX-%05d", n)
            return Feature(id: id, properties: [
                "name": .string("Region \(n)"), "name_kk": .string("Аймақ \(n)"), "name_ru": .string("Регион \(n)"),
                "source": "synthetic (seeded): deposits-bench --world", "adm1_pcode": .string(String(format: "XX%05d", n)),
                "kato": .string(String(format: "%09d", n)), "area_km2": .number((Geodesic.wgs84.area(of: shape) / 1e5).rounded() / 10),
            ], geometry: shape)
        }
    }

    /// Cell `c` of band `b`: a Polygon, or a MultiPolygon of its two sides of the antimeridian.
    static func cellShape(band b: Int, cell c: Int, bands: [Band]) -> Shape {
        let band = bands[b]
        let west = -180 + band.offset + Double(c) * band.width, east = west + band.width
        if east <= 180 { return .polygon([ring(band: b, west: west, east: east, bands: bands)]) }
        return .multiPolygon([[ring(band: b, west: west, east: 180, bands: bands)],
                              [ring(band: b, west: -180, east: east - 360, bands: bands)]])
    }

    /// The counter-clockwise ring of band `b` from `west` to `east`, with the vertices its parallels share.
    static func ring(band b: Int, west: Double, east: Double, bands: [Band]) -> [Coordinate] {
        let band = bands[b]
        let south = parallel(below: b, bands: bands).filter { $0 > west && $0 < east }
        let north = parallel(below: b + 1, bands: bands).filter { $0 > west && $0 < east }
        var ring = [Coordinate(longitude: west, latitude: band.south)]
        ring += south.map { Coordinate(longitude: $0, latitude: band.south) }
        ring += [Coordinate(longitude: east, latitude: band.south), Coordinate(longitude: east, latitude: band.north)]
        ring += north.reversed().map { Coordinate(longitude: $0, latitude: band.north) }
        ring += [Coordinate(longitude: west, latitude: band.north), Coordinate(longitude: west, latitude: band.south)]
        return ring
    }

    /// The vertex longitudes on the parallel below band `i` (the top of band `i - 1`), sorted: every
    /// multiple of `vertexStep` and the cell corners of both bands it divides.
    static func parallel(below i: Int, bands: [Band]) -> [Double] {
        var lons = Set((0...Int(360 / vertexStep)).map { -180 + Double($0) * vertexStep })
        for b in [i - 1, i] where bands.indices.contains(b) {
            for c in 0..<bands[b].cells {
                var lon = -180 + bands[b].offset + Double(c) * bands[b].width
                if lon >= 180 { lon -= 360 }
                lons.insert(lon)
            }
        }
        return lons.sorted()
    }
}
