import Geo

/// Does the survey make sense where and how big it is: area in range, inside Kazakhstan, and in which
/// regions (a note).
enum PlausibilityChecks {
    /// The ids of the regions the geometry meets, largest share first.
    static func check(_ geometry: Geometry, _ shape: Shape, areaKm2: Double, probe: CatalogProbe,
                      areaRange: ClosedRange<Double>, into sink: inout ProblemSink) -> [String] {
        if !shape.polygons.isEmpty, !areaRange.contains(areaKm2) {
            let which = areaKm2 < areaRange.lowerBound ? "below" : "above"
            sink.add(.areaOutOfRange, at: shape.coordinates.first,
                     "the outline covers \(format(areaKm2)) km², \(which) the \(format(areaRange.lowerBound))–\(format(areaRange.upperBound)) km² expected of a deposit outline")
        }
        // Almost every survey lies inside, so `covers` is asked first and settles most with one test.
        if let country = probe.country, (try? country.covers(geometry)) == false {
            if (try? country.intersects(geometry)) == false {
                sink.add(.outsideKazakhstan, at: shape.coordinates.first, "the survey lies wholly outside Kazakhstan")
                return []
            } else {
                let outside = shape.coordinates.prefix(10_000).first { !probe.isHome($0) }
                sink.add(.crossesBorder, at: outside ?? shape.coordinates.first, "the survey reaches beyond Kazakhstan's border")
            }
        }
        return regions(geometry, shape, areaKm2: areaKm2, probe: probe, into: &sink)
    }

    private static func regions(_ geometry: Geometry, _ shape: Shape, areaKm2: Double, probe: CatalogProbe, into sink: inout ProblemSink) -> [String] {
        guard let box = geometry.envelope else { return [] }
        var hits = [Int]()
        for (i, r) in probe.catalog.regions.enumerated() where r.box.intersects(box) {
            if let prepared = probe.region(i), (try? prepared.intersects(geometry)) == true { hits.append(i) }
        }
        guard !hits.isEmpty else { return [] }
        let regions = probe.catalog.regions
        let at = (try? geometry.pointOnSurface())?.coordinates.first ?? shape.coordinates.first
        if hits.count == 1 || shape.polygons.isEmpty || areaKm2 <= 0 {
            let names = hits.map { "\(regions[$0].name) (\(regions[$0].id))" }.joined(separator: ", ")
            sink.add(.inRegion, at: at, "lies in \(names)")
            return hits.map { regions[$0].id }
        }
        // Shares of an outline across a border: areas of the pieces, measured in an equal-area plane centred on the outline.
        var shares = [(Int, Double)]()
        if let plane = try? LocalProjection.forAreas(around: geometry), let projected = try? plane.forward(geometry) {
            for i in hits {
                guard let region = try? Geometry(regions[i].shape), let flat = try? plane.forward(region),
                      let piece = try? projected.intersection(flat), let a = try? piece.planarArea() else { continue }
                shares.append((i, a / 1e6 / areaKm2))
            }
        }
        if shares.isEmpty { shares = hits.map { ($0, .nan) } }
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
