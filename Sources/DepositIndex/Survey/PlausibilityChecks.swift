import Geo

/// Does the survey make sense where and how big it is: area in range, inside Kazakhstan, and in which
/// regions (a note).
enum PlausibilityChecks {
    /// Above this many km² an outline is an error, not a warning: no subsoil-use area in Kazakhstan comes
    /// near it. The Subsoil Code (2017, art. 19) divides the country into blocks of one minute of latitude
    /// by one minute of longitude, and an exploration licence for solid minerals holds at most 200 of them
    /// (art. 186), at most about 520 km² (2.6 km² a block at 40.5° N, the country's southern edge); the
    /// largest ore fields are a few hundred km². 10,000 km² is twenty times that limit, so an outline this
    /// large is a unit or CRS mistake or a stray vertex, never a deposit.
    static let largestAreaKm2 = 10_000.0

    /// Where a survey lies against the country's outline.
    enum Place {
        case inside
        case outside
        /// Reaching beyond the border, at this position outside.
        case crossing(Coordinate)
    }

    /// The ids of the regions the geometry meets, largest share first.
    static func check(_ geometry: Geometry, _ shape: Shape, areaKm2: Double, probe: CatalogProbe,
                      areaRange: ClosedRange<Double>, into sink: inout ProblemSink) -> [String] {
        if !shape.polygons.isEmpty {
            if areaKm2 > largestAreaKm2 {
                sink.add(.areaTooLarge, at: shape.coordinates.first,
                         "the outline covers \(format(areaKm2)) km², more than the \(format(largestAreaKm2)) km² any subsoil-use area in Kazakhstan could have")
            } else if !areaRange.contains(areaKm2) {
                let which = areaKm2 < areaRange.lowerBound ? "below" : "above"
                sink.add(.areaOutOfRange, at: shape.coordinates.first,
                         "the outline covers \(format(areaKm2)) km², \(which) the \(format(areaRange.lowerBound))–\(format(areaRange.upperBound)) km² expected of a deposit outline")
            }
        }
        switch place(shape, probe: probe) {
        case .outside:
            sink.add(.outsideKazakhstan, at: shape.coordinates.first, "the survey lies wholly outside Kazakhstan")
            return []
        case .crossing(let at):
            sink.add(.crossesBorder, at: at, "the survey reaches beyond Kazakhstan's border")
        case .inside:
            break
        }
        return regions(geometry, shape, areaKm2: areaKm2, probe: probe, into: &sink)
    }

    /// Decided on the ellipsoid, as the engine decides a region: the survey meets the border when the
    /// geodesic distance from it to a border chain is under a millimetre (0 where they cross, or where
    /// the border lies inside the outline); otherwise one vertex says whether it is wholly inside or
    /// wholly outside. Edges are geodesics and the antimeridian is no edge (`DistanceQuery`,
    /// `Catalog.box(of:)`), so a box from 179.99° E to 179.99° W is the small box it is, not a band
    /// round the globe as a planar test in longitude and latitude would take it.
    static func place(_ shape: Shape, probe: CatalogProbe) -> Place {
        let catalog = probe.catalog
        guard let border = catalog.countryBorder, let first = shape.coordinates.first else {
            // Without an outline, the coordinate checks have held the survey to the country's box.
            return .inside
        }
        let box = Catalog.box(of: shape)
        let window = Envelope(minX: box.minX - 0.001, minY: box.minY - 0.001, maxX: box.maxX + 0.001, maxY: box.maxY + 0.001)
        let chains = catalog.borderChains(meeting: window)
        if !chains.isEmpty {
            let query = DistanceQuery(shape: shape)
            if chains.contains(where: { border.nearest(to: query, chain: $0, below: DistanceTolerance.contact) != nil }) {
                // Meeting the border: the survey crosses it when a vertex lies outside; an outline that
                // only touches the border from inside is inside.
                if let outside = shape.coordinates.prefix(10_000).first(where: { !probe.isHome($0) }) {
                    return .crossing(outside)
                }
                return .inside
            }
        }
        return probe.isHome(first) ? .inside : .outside
    }

    private static func regions(_ geometry: Geometry, _ shape: Shape, areaKm2: Double, probe: CatalogProbe, into sink: inout ProblemSink) -> [String] {
        let box = Catalog.box(of: shape)
        var hits = [Int]()
        for (i, r) in probe.catalog.regions.enumerated() where r.box.intersects(box) {
            do {
                if try probe.region(i).intersects(geometry) { hits.append(i) }
            } catch {
                sink.add(.checkFailed, at: shape.coordinates.first,
                         "which regions the survey lies in: GEOS could not test region \(probe.catalog.regions[i].id): \(error)")
            }
        }
        guard !hits.isEmpty else { return [] }
        let regions = probe.catalog.regions
        // A point inside the outline to show the note at; the first vertex when GEOS cannot give one (a place only).
        let at = (try? geometry.pointOnSurface())?.coordinates.first ?? shape.coordinates.first
        if hits.count == 1 || shape.polygons.isEmpty || areaKm2 <= 0 {
            let names = hits.map { "\(regions[$0].name) (\(regions[$0].id))" }.joined(separator: ", ")
            sink.add(.inRegion, at: at, "lies in \(names)")
            return hits.map { regions[$0].id }
        }
        // Shares of an outline across a border: areas of the pieces, measured in an equal-area plane centred on the outline.
        var shares = [(Int, Double)]()
        do {
            let plane = try LocalProjection.forAreas(around: geometry)
            let projected = try plane.forward(geometry)
            for i in hits {
                let piece = try projected.intersection(try plane.forward(try Geometry(regions[i].shape)))
                shares.append((i, try piece.planarArea() / 1e6 / areaKm2))
            }
        } catch {
            sink.add(.checkFailed, at: at, "the survey's share of each region it crosses could not be measured: \(error)")
            shares = hits.map { ($0, .nan) }
        }
        shares.sort { $0.1 > $1.1 }
        let names = shares.map { i, share in
            "\(regions[i].name) (\(regions[i].id))" + (share.isFinite ? " \(format(share * 100))%" : "")
        }.joined(separator: ", ")
        sink.add(.inRegion, at: at, "lies in \(names)")
        return shares.map { regions[$0.0].id }
    }

    static func format(_ v: Double) -> String {
        if v != 0 && abs(v) < 0.01 {
            // Keep two significant digits of small areas rather than rounding them to 0.
            var scale = 1.0
            while abs(v) * scale < 10 && scale < 1e12 { scale *= 10 }
            return "\((v * scale).rounded() / scale)"
        }
        return CoordinateFormat.number(v, decimals: 2)
    }
}
