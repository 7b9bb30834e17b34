import CGEOS

// Building geometries from coordinates and reading them back. Coordinates cross the C boundary as flat
// buffers of doubles (`GEOSCoordSeq_copyFromBuffer_r`), one copy each way.

extension Geometry {
    /// Builds a GEOS geometry from plain coordinates. Rings must be closed and have at least four
    /// points; otherwise GEOS's error is thrown (nothing is silently repaired).
    ///
    ///     let line = try Geometry(.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)]))
    public convenience init(_ shape: Shape) throws {
        let context = GEOSContext.current
        context.clearError()
        guard let g = Geometry.build(shape, context.handle) else { throw context.error("cannot build \(shape.typeName)") }
        self.init(owning: g)
    }

    /// A point. See `GEOSGeom_createPointFromXY_r`.
    public convenience init(point: Coordinate) throws {
        try self.init(.point(point))
    }

    /// The geometry as plain Swift values.
    public var shape: Shape {
        Geometry.read(pointer, GEOSContext.current.handle)
    }

    /// Every coordinate, in storage order.
    public var coordinates: [Coordinate] { shape.coordinates }

    /// The geometry's type. See `GEOSGeomTypeId_r`.
    public var type: GeometryType {
        GeometryType(geosTypeId: GEOSGeomTypeId_r(GEOSContext.current.handle, pointer)) ?? .geometryCollection
    }

    /// True for a geometry with no coordinates. See `GEOSisEmpty_r`.
    public var isEmpty: Bool {
        GEOSisEmpty_r(GEOSContext.current.handle, pointer) == 1
    }

    /// The bounding box; nil for an empty geometry. See `GEOSGeom_getExtent_r`.
    public var envelope: Envelope? {
        if isEmpty { return nil }
        var box = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        guard GEOSGeom_getExtent_r(GEOSContext.current.handle, pointer, &box.minX, &box.minY, &box.maxX, &box.maxY) != 0 else {
            return nil
        }
        return box
    }

    /// The number of parts of a multi-geometry or collection, 1 for a single geometry.
    /// See `GEOSGetNumGeometries_r`.
    public var partCount: Int {
        Int(GEOSGetNumGeometries_r(GEOSContext.current.handle, pointer))
    }

    /// The parts of a multi-geometry or collection as separate geometries (copies); a single
    /// geometry returns itself.
    public var parts: [Geometry] {
        switch type {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            let handle = GEOSContext.current.handle
            return (0..<GEOSGetNumGeometries_r(handle, pointer)).compactMap { i in
                guard let part = GEOSGetGeometryN_r(handle, pointer, i), let copy = GEOSGeom_clone_r(handle, part) else { return nil }
                return Geometry(owning: copy)
            }
        default:
            return [self]
        }
    }

    // MARK: - Private: the two directions across the C boundary

    private static func sequence(_ coordinates: [Coordinate], _ handle: GEOSContextHandle_t) -> OpaquePointer? {
        var flat = [Double]()
        flat.reserveCapacity(coordinates.count * 2)
        for c in coordinates {
            flat.append(c.x)
            flat.append(c.y)
        }
        return flat.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(handle, buffer.baseAddress, UInt32(coordinates.count), 0, 0)
        }
    }

    private static func polygon(_ rings: [[Coordinate]], _ handle: GEOSContextHandle_t) -> OpaquePointer? {
        guard let shellCoordinates = rings.first else { return GEOSGeom_createEmptyPolygon_r(handle) }
        guard let shellSequence = sequence(shellCoordinates, handle),
              let shell = GEOSGeom_createLinearRing_r(handle, shellSequence) else { return nil }
        var holes = [OpaquePointer?]()
        for ring in rings.dropFirst() {
            guard let seq = sequence(ring, handle), let hole = GEOSGeom_createLinearRing_r(handle, seq) else {
                GEOSGeom_destroy_r(handle, shell)
                for h in holes { GEOSGeom_destroy_r(handle, h) }
                return nil
            }
            holes.append(hole)
        }
        return holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
    }

    private static func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer?], _ handle: GEOSContextHandle_t) -> OpaquePointer? {
        if parts.contains(where: { $0 == nil }) {
            for p in parts where p != nil { GEOSGeom_destroy_r(handle, p) }
            return nil
        }
        var parts = parts
        return parts.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
    }

    static func build(_ shape: Shape, _ handle: GEOSContextHandle_t) -> OpaquePointer? {
        switch shape {
        case .point(let c):
            return GEOSGeom_createPointFromXY_r(handle, c.x, c.y)
        case .lineString(let cs):
            guard let seq = sequence(cs, handle) else { return nil }
            return GEOSGeom_createLineString_r(handle, seq)
        case .polygon(let rings):
            return polygon(rings, handle)
        case .multiPoint(let cs):
            return collection(GEOS_MULTIPOINT, cs.map { GEOSGeom_createPointFromXY_r(handle, $0.x, $0.y) }, handle)
        case .multiLineString(let lines):
            return collection(GEOS_MULTILINESTRING, lines.map { line in
                sequence(line, handle).flatMap { GEOSGeom_createLineString_r(handle, $0) }
            }, handle)
        case .multiPolygon(let polygons):
            return collection(GEOS_MULTIPOLYGON, polygons.map { polygon($0, handle) }, handle)
        case .geometryCollection(let parts):
            return collection(GEOS_GEOMETRYCOLLECTION, parts.map { build($0, handle) }, handle)
        }
    }

    private static func readSequence(_ g: OpaquePointer, _ handle: GEOSContextHandle_t) -> [Coordinate] {
        guard let seq = GEOSGeom_getCoordSeq_r(handle, g) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(handle, seq, &size)
        if size == 0 { return [] }
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        flat.withUnsafeMutableBufferPointer { buffer in
            _ = GEOSCoordSeq_copyToBuffer_r(handle, seq, buffer.baseAddress, 0, 0)
        }
        return (0..<Int(size)).map { Coordinate(x: flat[2 * $0], y: flat[2 * $0 + 1]) }
    }

    private static func readRings(_ g: OpaquePointer, _ handle: GEOSContextHandle_t) -> [[Coordinate]] {
        if GEOSisEmpty_r(handle, g) == 1 { return [] }
        var rings = [[Coordinate]]()
        if let shell = GEOSGetExteriorRing_r(handle, g) { rings.append(readSequence(shell, handle)) }
        let holes = GEOSGetNumInteriorRings_r(handle, g)
        if holes > 0 {
            for i in 0..<holes {
                if let ring = GEOSGetInteriorRingN_r(handle, g, i) { rings.append(readSequence(ring, handle)) }
            }
        }
        return rings
    }

    private static func readParts(_ g: OpaquePointer, _ handle: GEOSContextHandle_t) -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(handle, g)
        guard n > 0 else { return [] }
        return (0..<n).compactMap { GEOSGetGeometryN_r(handle, g, $0) }
    }

    static func read(_ g: OpaquePointer, _ handle: GEOSContextHandle_t) -> Shape {
        switch GeometryType(geosTypeId: GEOSGeomTypeId_r(handle, g)) {
        case .point:
            let cs = readSequence(g, handle)
            return cs.isEmpty ? .multiPoint([]) : .point(cs[0])
        case .lineString, .linearRing:
            return .lineString(readSequence(g, handle))
        case .polygon:
            return .polygon(readRings(g, handle))
        case .multiPoint:
            return .multiPoint(readParts(g, handle).flatMap { readSequence($0, handle) })
        case .multiLineString:
            return .multiLineString(readParts(g, handle).map { readSequence($0, handle) })
        case .multiPolygon:
            return .multiPolygon(readParts(g, handle).map { readRings($0, handle) })
        case .geometryCollection, nil:
            return .geometryCollection(readParts(g, handle).map { read($0, handle) })
        }
    }
}

extension Shape {
    /// The OGC type name, as GeoJSON and WKT spell it.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }
}
