import Foundation
import Geo

extension Catalog {
    /// The regions covering a point. A point on a shared border (within `tolerance` metres of it, by
    /// geodesic distance) is in both regions, each flagged `onBoundary`; shares divide 1 among them.
    public func regions(containing point: Coordinate, tolerance: Double = 0.01) throws -> [RegionShare] {
        try requireLayers(.regions)
        let query = try distanceQuery(.point(point))
        var hits = [(region: Int, onBoundary: Bool)]()
        for r in regionIndex.search(Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)).sorted() {
            let onBoundary = regionBoundaries.nearest(to: query, feature: r, below: tolerance.nextUp) != nil
            if onBoundary || RegionRings.regionContains(regions[r].geometry.polygons, point) {
                hits.append((r, onBoundary))
            }
        }
        return hits.map { RegionShare(id: regions[$0.region].id, name: regions[$0.region].name,
                                      share: 1 / Double(hits.count), onBoundary: $0.onBoundary) }
    }

    /// Each region's share of a deposit's geodesic area (largest first); the rest is `outsideShare`
    /// (outside Kazakhstan for the bundled data). A point deposit is shared like `regions(containing:)`.
    public func regionShares(of depositID: String) throws -> RegionShares {
        try requireLayers(.regions)
        return try regionShares(of: deposits[depositPosition(of: depositID)])
    }

    /// `regionShares(of:)` for a deposit that need not be in this catalog (one of a chunk read from a
    /// store while the catalog holds only the regions); the one place a deposit's shares are worked out.
    ///
    ///     let catalog = try Catalog.bundled()
    ///     try catalog.regionShares(of: catalog.deposits[0]).regions[0].id  // "KZ-KAR" (kz-w-001, Upper Kairakty)
    public func regionShares(of deposit: Deposit) throws -> RegionShares {
        try requireLayers(.regions)
        let depositID = deposit.id
        guard let shape = deposit.geometry else { throw QueryError.noGeometry(depositID) }
        let query = DistanceQuery(shape: shape)
        var shares = [RegionShare]()
        if !query.isAreal {
            shares = try regions(containing: query.vertices[0])
        } else {
            for r in regionIndex.search(Self.box(of: shape)).sorted() {
                if let s = try RegionMath.share(catalog: self, query: query, shape: shape, region: r) { shares.append(s) }
            }
        }
        shares.sort { ($0.share, $1.id) > ($1.share, $0.id) }
        let outside = max(0, 1 - shares.reduce(0) { $0 + $1.share })
        return RegionShares(depositId: depositID, regions: shares, outsideShare: outside < 1e-9 ? 0 : outside)
    }

    /// The deposits lying (at least partly) in a region, with their shares there, by id.
    public func deposits(in regionID: String) throws -> [DepositShare] {
        try requireLayers([.deposits, .regions])
        guard let r = regionPositions[regionID] else { throw QueryError.unknownRegion(regionID) }
        var out = [DepositShare]()
        for item in depositIndex.search(Self.box(of: regions[r].geometry)) {
            let dep = deposits[depositOfItem[item]]
            guard let shape = dep.geometry else { continue }
            let query = DistanceQuery(shape: shape)
            if query.isAreal {
                if let s = try RegionMath.share(catalog: self, query: query, shape: shape, region: r) {
                    out.append(DepositShare(id: dep.id, name: dep.name, share: s.share, onBoundary: s.onBoundary))
                }
            } else if let s = try regions(containing: query.vertices[0]).first(where: { $0.id == regionID }) {
                out.append(DepositShare(id: dep.id, name: dep.name, share: s.share, onBoundary: s.onBoundary))
            }
        }
        return out.sorted { $0.id < $1.id }
    }
}

/// A polygonal deposit against one region.
enum RegionMath {
    /// The region's share of the deposit, nil when they do not meet.
    ///
    /// If the region's border keeps away from the deposit, the deposit is wholly in or wholly out, and one
    /// vertex says which. Otherwise the region is cut down to a box well around the deposit (a clip whose
    /// new edges all lie outside the deposit, so the part inside it is untouched), both are projected into
    /// the Lambert equal-area plane centred on the deposit, and the areas there give the share.
    static func share(catalog: Catalog, query: DistanceQuery, shape: Shape, region r: Int) throws -> RegionShare? {
        let info = catalog.regions[r]
        let border = catalog.regionBoundaries.nearest(to: query, feature: r, below: DistanceTolerance.contact)
        if border == nil {
            let inside = RegionRings.regionContains(info.geometry.polygons, query.vertices[0])
            return inside ? RegionShare(id: info.id, name: info.name, share: 1, onBoundary: false) : nil
        }
        var box = Catalog.box(of: shape)
        box = Envelope(minX: box.minX - 0.05, minY: box.minY - 0.05, maxX: box.maxX + 0.05, maxY: box.maxY + 0.05)
        // A deposit across the antimeridian has a box reaching past +180° (`Catalog.box(of:)`); the region's
        // part west of it, written from -180°, is met by the box shifted a turn west. The parts clipped by
        // the two frames lie on either side of the antimeridian, so their areas inside the deposit add up.
        var frames = [box]
        if box.maxX > 180 { frames.append(Envelope(minX: box.minX - 360, minY: box.minY, maxX: box.maxX - 360, maxY: box.maxY)) }
        if box.minX < -180 { frames.append(Envelope(minX: box.minX + 360, minY: box.minY, maxX: box.maxX + 360, maxY: box.maxY)) }
        let region = try Geometry(.multiPolygon(catalog.regionRings(r)))
        let projection = try LocalProjection.centered(on: query.plane.center, kind: .lambertAzimuthalEqualArea)
        let deposit = try Geometry(try projection.forward(shape.densified(maxEdgeLength: 50))).makeValid()
        var area = 0.0
        for f in frames {
            let frame = try Geometry(.polygon([[Coordinate(x: f.minX, y: f.minY), Coordinate(x: f.maxX, y: f.minY),
                                                Coordinate(x: f.maxX, y: f.maxY), Coordinate(x: f.minX, y: f.maxY),
                                                Coordinate(x: f.minX, y: f.minY)]]))
            let clipped = try region.intersection(frame)
            if clipped.shape.polygons.isEmpty { continue }
            // Longitudes are taken about the projection's centre, so a part written from -180° lands beside one written to +180°.
            let part = try Geometry(try projection.forward(RegionRings.densifiedShape(clipped.shape))).makeValid()
            area += try deposit.intersection(part).planarArea()
        }
        let total = try deposit.planarArea()
        guard total > 0, area > 0 else { return nil }
        return RegionShare(id: info.id, name: info.name, share: min(1, area / total), onBoundary: true)
    }
}
