import Foundation
import Geo

extension Catalog {
    /// The widest corridor asked about, in km: twice a quarter meridian (10,001.966 km on WGS84), rounded down.
    public static let maximumCorridorWidthKm = 20_000.0

    /// The deposits within a corridor: those whose geodesic distance to the centre line is at most half
    /// the width, nearest first, each with the area of it inside the corridor and that area's share.
    ///
    /// The corridor's buffer is built only around each deposit, in an azimuthal equidistant plane centred
    /// on that deposit, so a 3,000 km corridor is as exact as a 3 km one.
    /// - Parameter widthKm: full width in km; the corridor's own `width_km` when nil.
    public func corridorOverlap(corridor id: String, widthKm width: Double? = nil) throws -> CorridorOverlap {
        try requireLayers([.deposits, .corridors])
        guard let c = corridorPositions[id] else { throw QueryError.unknownCorridor(id) }
        let widthKm = width ?? corridors[c].widthKm
        guard widthKm.isFinite, widthKm > 0 else { throw QueryError.invalidArgument("corridor width must be a positive number of km, not \(widthKm)") }
        // Half a width beyond a quarter meridian (10,002 km) reaches past the hemisphere around the line:
        // no longer a corridor, and past where a plane centred on a deposit can hold its buffer.
        guard widthKm <= Self.maximumCorridorWidthKm else {
            throw QueryError.invalidArgument("corridor width \(widthKm) km is more than \(Int(Self.maximumCorridorWidthKm)) km (half of it would reach past a quarter of the Earth's meridian)")
        }
        let found = try candidateDeposits(corridor: c, halfWidth: widthKm * 500).compactMap { d in
            try CorridorMath.membership(catalog: self, deposit: d, corridor: c, halfWidth: widthKm * 500)
        }
        return CorridorOverlap(corridorId: id, corridorName: corridors[c].name, widthKm: widthKm,
                               deposits: found.sorted { ($0.distanceM, $0.id) < ($1.distanceM, $1.id) })
    }

    /// The corridors a deposit lies in (geodesic distance to the centre line at most half the width).
    public func corridors(touching depositID: String) throws -> [CorridorMembership] {
        try requireLayers(.corridors)
        let d = try depositPosition(of: depositID)
        guard deposits[d].geometry != nil else { throw QueryError.noGeometry(depositID) }
        return try corridors.indices.compactMap { c -> CorridorMembership? in
            let corridor = corridors[c]
            guard let m = try CorridorMath.membership(catalog: self, deposit: d, corridor: c, halfWidth: corridor.widthKm * 500) else { return nil }
            return CorridorMembership(corridorId: corridor.id, corridorName: corridor.name, widthKm: corridor.widthKm,
                                      distanceM: m.distanceM, overlapKm2: m.overlapKm2, share: m.share)
        }.sorted { ($0.distanceM, $0.corridorId) < ($1.distanceM, $1.corridorId) }
    }

    /// Deposits whose boxes come within `halfWidth` metres of one of the corridor's chains.
    func candidateDeposits(corridor c: Int, halfWidth: Double) -> [Int] {
        var found = Set<Int>()
        for chain in corridorChains.chains(ofFeature: c) {
            for item in depositIndex.search(Self.widened(corridorChains.chainBox(chain).envelope, by: halfWidth)) {
                found.insert(depositOfItem[item])
            }
        }
        return found.sorted()
    }

    /// `box` grown by at least `metres` on every side (degrees of latitude are never shorter than
    /// a(1 - e²)·π/180, and a degree of longitude shrinks with the cosine of the highest latitude).
    static func widened(_ box: Envelope, by metres: Double) -> Envelope {
        let dLat = metres / WGS84.minimumRadius * 180 / .pi
        let highest = min(89.999, max(abs(box.minY), abs(box.maxY)) + dLat)
        let dLon = min(180, dLat / cos(highest * .pi / 180))
        return Envelope(minX: box.minX - dLon, minY: max(-90, box.minY - dLat), maxX: box.maxX + dLon, maxY: min(90, box.maxY + dLat))
    }
}

/// Distance and overlap of one deposit with one corridor.
enum CorridorMath {
    /// Throws `QueryError.measurementFailed` when GEOS or PROJ cannot build the overlap: never an
    /// overlap of 0 that only looks like an answer.
    static func membership(catalog: Catalog, deposit d: Int, corridor c: Int, halfWidth: Double) throws -> CorridorDeposit? {
        let dep = catalog.deposits[d]
        guard let shape = dep.geometry else { return nil }
        let query = DistanceQuery(shape: shape)
        guard let pair = catalog.corridorChains.nearest(to: query, feature: c, below: halfWidth.nextUp),
              pair.distance <= halfWidth else { return nil }
        guard query.isAreal else {
            return CorridorDeposit(id: dep.id, name: dep.name, distanceM: pair.distance, overlapKm2: 0, share: 1)
        }
        // Wholly inside: every point of the deposit is within `radius` of its centre, so within the centre's
        // distance to the line plus `radius` of the line (the triangle inequality). Then the overlap is the
        // deposit's whole geodesic area, and no buffer needs building.
        if let centre = catalog.corridorChains.nearest(to: DistanceQuery(point: query.plane.center), feature: c, below: halfWidth),
           centre.distance + query.radius <= halfWidth {
            return CorridorDeposit(id: dep.id, name: dep.name, distanceM: pair.distance,
                                   overlapKm2: Geodesic.wgs84.area(of: shape) / 1e6, share: 1)
        }
        let overlap: Double, share: Double
        do {
            (overlap, share) = try overlapArea(catalog: catalog, query: query, shape: shape, corridor: c, halfWidth: halfWidth)
        } catch {
            throw QueryError.measurementFailed("the overlap of deposit \"\(dep.id)\" with corridor \"\(catalog.corridors[c].id)\" could not be measured: \(error)")
        }
        return CorridorDeposit(id: dep.id, name: dep.name, distanceM: pair.distance, overlapKm2: overlap / 1e6, share: share)
    }

    /// Area (m²) of the deposit inside the corridor and its share of the deposit's area.
    ///
    /// The nearby pieces of centre line, split along their geodesics every `spacing` metres, and the
    /// deposit, likewise split, are projected into the azimuthal equidistant plane centred on the deposit,
    /// where the buffer's width is true to a part in 10⁷ at deposit scale. The overlap is brought back to
    /// longitude/latitude and measured as a geodesic polygon on the ellipsoid (`geod_polygonarea`).
    static func overlapArea(catalog: Catalog, query: DistanceQuery, shape: Shape, corridor c: Int, halfWidth: Double) throws -> (Double, Double) {
        // Only line within halfWidth of the deposit shapes the buffer inside it (see `localBuffer`).
        guard let (projection, buffer) = try localBuffer(catalog: catalog, query: query, corridor: c, halfWidth: halfWidth,
                                                         reach: halfWidth + query.radius + 1) else { return (0, 0) }
        let densified = shape.densified(maxEdgeLength: 50)
        let deposit = try Geometry(try projection.forward(densified)).makeValid()
        let inside = try deposit.intersection(buffer)
        let area = Geodesic.wgs84.area(of: try projection.inverse(inside.shape))
        let total = Geodesic.wgs84.area(of: shape)
        return (area, total > 0 ? min(1, area / total) : 0)
    }

    /// The corridor's buffer near the query, built in the azimuthal equidistant plane centred on the query
    /// from the nearby pieces of centre line split along their geodesics; with that plane. Nil when no piece
    /// of the centre line comes within `halfWidth`.
    ///
    /// Only the pieces of line within `reach` metres of the centre are buffered. Why that changes nothing
    /// within `reach - halfWidth` of the centre: a buffer is the union of the buffers of its segments, and a
    /// segment farther than `reach` from the centre has a buffer that stays farther than `reach - halfWidth`.
    /// A long corridor is then buffered over tens of kilometres, not hundreds.
    static func localBuffer(catalog: Catalog, query: DistanceQuery, corridor c: Int, halfWidth: Double, reach: Double) throws -> (Projection, Geometry)? {
        let layer = catalog.corridorChains
        let near = layer.chains(of: c, near: query, within: halfWidth)
        if near.isEmpty { return nil }
        let projection = try LocalProjection.centered(on: query.plane.center, kind: .azimuthalEquidistant)
        let spacing = max(10, min(500, halfWidth / 20))
        var lines = [[Coordinate]]()
        for chain in near {
            let cs = Array(layer.chain(chain))
            var dense = [cs[0]]
            for (a, b) in zip(cs, cs.dropFirst()) { dense += Geodesic.wgs84.line(from: a, to: b, maxSpacing: spacing).dropFirst() }
            lines += runs(of: try projection.forward(dense), within: reach)
        }
        if lines.isEmpty { return nil }
        return (projection, try Geometry(.multiLineString(lines)).buffer(halfWidth, quadrantSegments: 64))
    }

    /// The runs of consecutive planar segments that come within `reach` of the origin.
    static func runs(of line: [Coordinate], within reach: Double) -> [[Coordinate]] {
        if line.count == 1 { return (line[0].x * line[0].x + line[0].y * line[0].y).squareRoot() <= reach ? [line] : [] }
        var out = [[Coordinate]]()
        var run = [Coordinate]()
        let origin = Coordinate(x: 0, y: 0)
        for i in 0..<(line.count - 1) {
            if PlanarGeometry.segmentDistance(origin, line[i], line[i + 1]).distance <= reach {
                if run.isEmpty { run.append(line[i]) }
                run.append(line[i + 1])
            } else if !run.isEmpty {
                out.append(run)
                run = []
            }
        }
        if !run.isEmpty { out.append(run) }
        return out
    }
}
