import Geo

/// Overlaps with deposits already in the catalog, and exact copies of their footprints.
enum ConflictChecks {
    /// Overlaps under this many km² (a square of 10 m by 10 m) are shared boundaries drawn twice, not overlaps.
    static let minimumOverlapKm2 = 0.0001

    /// - Parameter key: the survey's normalised WKB, compared with each footprint's for exact duplicates.
    static func check(_ geometry: Geometry, _ shape: Shape, id: String?, key: [UInt8]?, areaKm2: Double,
                      probe: CatalogProbe, into sink: inout ProblemSink) {
        guard !shape.polygons.isEmpty else { return }
        // The box of the geodesic edges, antimeridian included (not GEOS's planar envelope, which takes an
        // outline across 180° for a band round the globe).
        let candidates = probe.catalog.depositIndex.search(Catalog.box(of: shape)).sorted()
        guard !candidates.isEmpty else { return }
        var plane: Projection?
        var projected: Geometry?
        for i in candidates {
            let deposit = probe.catalog.deposits[i]
            // A survey carrying a deposit's id is a new outline for that deposit, not a neighbour.
            if deposit.id == id { continue }
            let footprint: Geometry
            do {
                footprint = try probe.deposit(i)
                guard try geometry.intersects(footprint) else { continue }
            } catch {
                sink.add(.checkFailed, at: shape.coordinates.first,
                         "overlap with catalog deposit \(deposit.name) (\(deposit.id)) could not be tested: \(error)", related: deposit.id)
                continue
            }
            if let key {
                do {
                    if try footprint.normalized().wkb == key {
                        sink.add(.duplicateGeometry, at: shape.coordinates.first,
                                 "the same outline as catalog deposit \(deposit.name) (\(deposit.id))", related: deposit.id)
                        continue
                    }
                } catch {
                    sink.add(.checkFailed, at: shape.coordinates.first,
                             "whether this is catalog deposit \(deposit.name) (\(deposit.id))'s outline could not be tested: \(error)", related: deposit.id)
                }
            }
            do {
                if plane == nil {
                    plane = try LocalProjection.forAreas(around: geometry)
                    projected = try plane!.forward(geometry)
                }
                let overlap = try projected!.intersection(plane!.forward(footprint))
                let km2 = try overlap.planarArea() / 1e6
                guard km2 >= minimumOverlapKm2 else { continue }
                let center = try overlap.pointOnSurface().coordinates.first.map { try plane!.inverse($0) }
                let share = areaKm2 > 0 ? " (\(PlausibilityChecks.format(km2 / areaKm2 * 100))% of this outline)" : ""
                sink.add(.overlapsDeposit, at: center ?? shape.coordinates.first,
                         "overlaps catalog deposit \(deposit.name) (\(deposit.id)) by \(PlausibilityChecks.format(km2)) km²\(share)",
                         related: deposit.id, overlapKm2: km2)
            } catch {
                sink.add(.overlapsDeposit, at: shape.coordinates.first,
                         "meets catalog deposit \(deposit.name) (\(deposit.id)); the overlap could not be measured: \(error)",
                         related: deposit.id)
            }
        }
    }
}
