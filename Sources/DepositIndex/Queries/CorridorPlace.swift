import Geo

extension Catalog {
    /// The corridors a point lies in (geodesic distance to the centre line at most half the width),
    /// nearest centre line first. A point has no area, so each share is 1 and each overlap 0.
    public func corridors(containing point: Coordinate) throws -> [CorridorMembership] {
        try requireLayers(.corridors)
        let query = try distanceQuery(.point(point))
        return corridors.indices.compactMap { c -> CorridorMembership? in
            let corridor = corridors[c]
            let halfWidth = corridor.widthKm * 500
            guard let pair = corridorChains.nearest(to: query, feature: c, below: halfWidth.nextUp), pair.distance <= halfWidth else { return nil }
            return CorridorMembership(corridorId: corridor.id, corridorName: corridor.name, widthKm: corridor.widthKm,
                                      distanceM: pair.distance, overlapKm2: 0, share: 1)
        }.sorted { ($0.distanceM, $0.corridorId) < ($1.distanceM, $1.corridorId) }
    }

    /// The corridor's outline near a deposit, as the overlap with it is measured: the buffer of the nearby
    /// centre line built in the azimuthal equidistant plane centred on the deposit, kept within
    /// `2 × width` of the deposit's centre and returned in longitude/latitude for a map. Nil when the
    /// centre line does not come within half the width.
    /// - Parameter widthKm: full width in km; the corridor's own `width_km` when nil.
    public func corridorOutline(corridor id: String, near depositID: String, widthKm width: Double? = nil) throws -> Shape? {
        try requireLayers(.corridors)
        guard let c = corridorPositions[id] else { throw QueryError.unknownCorridor(id) }
        let d = try depositPosition(of: depositID)
        guard let shape = deposits[d].geometry else { throw QueryError.noGeometry(depositID) }
        let halfWidth = (width ?? corridors[c].widthKm) * 500
        let query = DistanceQuery(shape: shape)
        // The outline is kept within 4 × halfWidth of the centre, so line beyond 5 × halfWidth cannot shape it.
        guard let (projection, buffer) = try CorridorMath.localBuffer(catalog: self, query: query, corridor: c, halfWidth: halfWidth,
                                                                      reach: 5 * halfWidth + 1) else {
            return nil
        }
        let neighbourhood = try Geometry(point: Coordinate(x: 0, y: 0)).buffer(4 * halfWidth, quadrantSegments: 32)
        let near = try buffer.intersection(neighbourhood)
        if near.isEmpty { return nil }
        return try projection.inverse(near.shape)
    }
}
