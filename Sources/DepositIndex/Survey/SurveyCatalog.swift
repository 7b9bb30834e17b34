import Geo

/// What a survey is checked against, taken from a `Catalog` once and shared by every checking thread:
/// the country outline (as polygons and as a border the engine's geodesic distances can measure to),
/// the regions and the deposit footprints with a spatial index over them.
struct SurveyCatalog: Sendable {
    struct Area: Sendable {
        var id: String
        var name: String
        var shape: Shape
        var box: Envelope
    }

    var country: Shape?
    /// The country's rings as one feature of geodesic chains, for deciding on the ellipsoid (antimeridian
    /// included) whether a survey meets the border; nil without a country outline.
    var countryBorder: ChainLayer?
    var homeBox: Envelope
    var regions: [Area]
    var deposits: [Area]
    var depositIndex: SpatialIndex

    init(_ catalog: Catalog?) {
        country = catalog?.country?.geometry
        countryBorder = country.map { ChainLayer(lines: [$0.polygons.flatMap { $0 }]) }
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

    /// True when the point lies in the country (or its box, without an outline), decided as the engine
    /// decides a region (`RegionRings.containsSplittingNear`: geodesic edges, their bows included).
    func isHome(_ c: Coordinate) -> Bool {
        guard let country else { return homeBox.contains(c) }
        return country.polygons.contains { RegionRings.containsSplittingNear($0, c) }
    }

    /// The border chains whose boxes (which hold their edges' bows) meet `box`.
    func borderChains(meeting box: Envelope) -> [Int] {
        countryBorder?.index.search(box) ?? []
    }
}

/// One checking thread's GEOS objects for a `SurveyCatalog`: prepared geometries are built lazily
/// and without locks inside GEOS, so each thread has its own (`PreparedGeometry` is not `Sendable`).
final class CatalogProbe {
    let catalog: SurveyCatalog
    private var country: PreparedGeometry?
    private var countryFailed = false
    private var regions: [Int: PreparedGeometry] = [:]
    private var deposits: [Int: Geometry] = [:]

    init(_ catalog: SurveyCatalog) {
        self.catalog = catalog
    }

    /// True when the point lies in the country (or its box, without an outline). Away from the border
    /// (no border chain's box, which holds the geodesic edges' bows, within 0.001°) the planar test of
    /// GEOS's prepared outline gives the same answer as the engine's geodesic one, indexed; near the
    /// border, or when GEOS cannot answer, the engine's test decides.
    func isHome(_ c: Coordinate) -> Bool {
        guard let shape = catalog.country else { return catalog.homeBox.contains(c) }
        let near = Envelope(minX: c.x - 0.001, minY: c.y - 0.001, maxX: c.x + 0.001, maxY: c.y + 0.001)
        if !countryFailed, catalog.borderChains(meeting: near).isEmpty {
            do {
                let prepared = try country ?? PreparedGeometry(try Geometry(shape))
                country = prepared
                return try prepared.covers(try Geometry(point: c))
            } catch {
                // The engine's test below needs no GEOS; it is slower, not less exact.
                countryFailed = true
            }
        }
        return catalog.isHome(c)
    }

    /// Region `i` prepared for repeated tests; throws what GEOS says when it cannot be built.
    func region(_ i: Int) throws -> PreparedGeometry {
        if let r = regions[i] { return r }
        let prepared = try PreparedGeometry(try Geometry(catalog.regions[i].shape))
        regions[i] = prepared
        return prepared
    }

    /// Deposit `i`'s footprint; throws what GEOS says when it cannot be built.
    func deposit(_ i: Int) throws -> Geometry {
        if let d = deposits[i] { return d }
        let g = try Geometry(catalog.deposits[i].shape)
        deposits[i] = g
        return g
    }
}
