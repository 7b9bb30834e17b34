import Geo

/// What a survey is checked against, taken from a `Catalog` once and shared by every checking thread:
/// the country outline, the regions and the deposit footprints with a spatial index over them.
struct SurveyCatalog: Sendable {
    struct Area: Sendable {
        var id: String
        var name: String
        var shape: Shape
        var box: Envelope
    }

    var country: Shape?
    var homeBox: Envelope
    var regions: [Area]
    var deposits: [Area]
    var depositIndex: SpatialIndex

    init(_ catalog: Catalog?) {
        country = catalog?.country?.geometry
        homeBox = country.flatMap { Envelope(covering: $0.coordinates) } ?? CoordinateChecks.kazakhstanBox
        regions = (catalog?.regions ?? []).compactMap { r in
            Envelope(covering: r.geometry.coordinates).map { Area(id: r.id, name: r.name, shape: r.geometry, box: $0) }
        }
        deposits = (catalog?.deposits ?? []).compactMap { d in
            guard let g = d.geometry, !g.polygons.isEmpty, let box = Envelope(covering: g.coordinates) else { return nil }
            return Area(id: d.id, name: d.name, shape: g, box: SurveyCatalog.padded(box))
        }
        depositIndex = SpatialIndex(boxes: deposits.map(\.box))
    }

    /// Footprint edges are geodesics of a few kilometres, bulging at most centimetres beyond their
    /// vertices' box; 0.001° (about 100 m) of margin keeps every candidate.
    static func padded(_ b: Envelope) -> Envelope {
        Envelope(minX: b.minX - 0.001, minY: b.minY - 0.001, maxX: b.maxX + 0.001, maxY: b.maxY + 0.001)
    }
}

/// One checking thread's GEOS objects for a `SurveyCatalog`: prepared geometries are built lazily
/// and without locks inside GEOS, so each thread has its own (`PreparedGeometry` is not `Sendable`).
final class CatalogProbe {
    let catalog: SurveyCatalog
    let country: PreparedGeometry?
    private var regions: [Int: PreparedGeometry] = [:]
    private var deposits: [Int: Geometry] = [:]

    init(_ catalog: SurveyCatalog) {
        self.catalog = catalog
        country = catalog.country.flatMap { try? Geometry($0) }.flatMap { try? PreparedGeometry($0) }
    }

    /// True when the point lies in the country (or its box, without an outline).
    func isHome(_ c: Coordinate) -> Bool {
        guard let country else { return catalog.homeBox.contains(c) }
        guard let point = try? Geometry(point: c) else { return false }
        return (try? country.covers(point)) ?? false
    }

    func region(_ i: Int) -> PreparedGeometry? {
        if let r = regions[i] { return r }
        guard let g = try? Geometry(catalog.regions[i].shape), let prepared = try? PreparedGeometry(g) else { return nil }
        regions[i] = prepared
        return prepared
    }

    func deposit(_ i: Int) -> Geometry? {
        if let d = deposits[i] { return d }
        guard let g = try? Geometry(catalog.deposits[i].shape) else { return nil }
        deposits[i] = g
        return g
    }
}
