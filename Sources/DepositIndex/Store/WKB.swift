import Geo

/// Well-Known Binary for `Shape`, in Swift: the body of a GeoPackage geometry.
///
/// Why not `Geometry(wkb:)`: that goes through GEOS, building and destroying a GEOS object per feature;
/// a store of 120,000 features reads and writes several times faster straight to and from `Shape`.
/// Writes little-endian 2D (ISO codes 1-7); reads either byte order and drops Z and M (ISO 1000s,
/// 2000s, 3000s and EWKB flag bits), since the catalog is 2D.
package enum WKB {
    package struct Failure: Error, CustomStringConvertible {
        var message: String
        package var description: String { "malformed WKB: \(message)" }
    }

    package static func encode(_ shape: Shape) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(9 + shape.coordinates.count * 16)
        write(shape, into: &out)
        return out
    }

    private static func write(_ shape: Shape, into out: inout [UInt8]) {
        func header(_ type: UInt32) {
            out.append(1)
            put(type, &out)
        }
        func points(_ cs: [Coordinate]) {
            put(UInt32(cs.count), &out)
            for c in cs { put(c.x, &out); put(c.y, &out) }
        }
        switch shape {
        case .point(let c):
            header(1); put(c.x, &out); put(c.y, &out)
        case .lineString(let cs):
            header(2); points(cs)
        case .polygon(let rings):
            header(3); put(UInt32(rings.count), &out); rings.forEach(points)
        case .multiPoint(let cs):
            header(4); put(UInt32(cs.count), &out)
            for c in cs { write(.point(c), into: &out) }
        case .multiLineString(let lines):
            header(5); put(UInt32(lines.count), &out)
            for l in lines { write(.lineString(l), into: &out) }
        case .multiPolygon(let polygons):
            header(6); put(UInt32(polygons.count), &out)
            for p in polygons { write(.polygon(p), into: &out) }
        case .geometryCollection(let parts):
            header(7); put(UInt32(parts.count), &out)
            for p in parts { write(p, into: &out) }
        }
    }

    private static func put(_ v: UInt32, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func put(_ v: Double, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Reads one geometry from `bytes[start...]`.
    package static func decode(_ bytes: ArraySlice<UInt8>) throws -> Shape {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Reads one geometry from raw bytes (a GeoPackage blob where SQLite holds it, without a copy);
    /// positions in errors count from `bytes`' start.
    package static func decode(_ bytes: UnsafeRawBufferPointer) throws -> Shape {
        var reader = Reader(bytes: bytes)
        return try reader.geometry(depth: 0)
    }

    /// Reads numbers by unaligned loads, not byte by byte: a rail layer of 200,000 lines is 10 million
    /// vertices, read before the first question can be answered.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0
        var littleEndian = true

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        private func early() -> Failure { Failure(message: "ends early at byte \(position)") }

        mutating func byte() throws -> UInt8 {
            guard position < bytes.count else { throw early() }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func uint32() throws -> UInt32 {
            guard bytes.count - position >= 4 else { throw early() }
            let v = bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)
            position += 4
            return littleEndian ? UInt32(littleEndian: v) : UInt32(bigEndian: v)
        }

        mutating func double() throws -> Double {
            guard bytes.count - position >= 8 else { throw early() }
            let v = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            position += 8
            return Double(bitPattern: littleEndian ? UInt64(littleEndian: v) : UInt64(bigEndian: v))
        }

        mutating func count() throws -> Int {
            let n = Int(try uint32())
            // Each element takes at least 8 bytes; a count beyond what is left is corrupt, not a reason to allocate.
            guard n <= (bytes.count - position) / 8 + 1 else { throw Failure(message: "count \(n) exceeds the bytes left") }
            return n
        }

        mutating func coordinate(extra: Int) throws -> Coordinate {
            let c = Coordinate(x: try double(), y: try double())
            for _ in 0..<extra { _ = try double() }
            return c
        }

        mutating func sequence(extra: Int) throws -> [Coordinate] {
            let n = try count()
            let stride = 16 + 8 * extra
            // The common case, every vertex there (`count` keeps n * stride far from overflow): the array
            // filled in one pass with no check per number.
            if n * stride <= bytes.count - position {
                let start = position, little = littleEndian, bytes = self.bytes
                position += n * stride
                return [Coordinate](unsafeUninitializedCapacity: n) { out, made in
                    for i in 0..<n {
                        let at = start + i * stride
                        let x = bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                        let y = bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)
                        out[i] = little
                            ? Coordinate(x: Double(bitPattern: UInt64(littleEndian: x)), y: Double(bitPattern: UInt64(littleEndian: y)))
                            : Coordinate(x: Double(bitPattern: UInt64(bigEndian: x)), y: Double(bitPattern: UInt64(bigEndian: y)))
                    }
                    made = n
                }
            }
            var cs = [Coordinate]()
            cs.reserveCapacity(n)
            for _ in 0..<n { cs.append(try coordinate(extra: extra)) }
            return cs
        }

        mutating func geometry(depth: Int) throws -> Shape {
            guard depth < 32 else { throw Failure(message: "nested more than 32 deep") }
            switch try byte() {
            case 0: littleEndian = false
            case 1: littleEndian = true
            case let b: throw Failure(message: "byte order \(b) is neither 0 nor 1")
            }
            let raw = try uint32()
            // EWKB flags (Z 0x80000000, M 0x40000000, SRID 0x20000000) or ISO thousands.
            var extra = (raw & 0x8000_0000 != 0 ? 1 : 0) + (raw & 0x4000_0000 != 0 ? 1 : 0)
            if raw & 0x2000_0000 != 0 { _ = try uint32() }
            let iso = raw & 0x0FFF_FFFF
            switch iso / 1000 {
            case 1, 2: extra += 1
            case 3: extra += 2
            default: break
            }
            switch iso % 1000 {
            case 1: return .point(try coordinate(extra: extra))
            case 2: return .lineString(try sequence(extra: extra))
            case 3:
                let n = try count()
                return .polygon(try (0..<n).map { _ in try sequence(extra: extra) })
            case 4: return .multiPoint(try parts(depth).map { try only($0, "Point") { if case .point(let c) = $0 { return c }; return nil } })
            case 5: return .multiLineString(try parts(depth).map { try only($0, "LineString") { if case .lineString(let c) = $0 { return c }; return nil } })
            case 6: return .multiPolygon(try parts(depth).map { try only($0, "Polygon") { if case .polygon(let r) = $0 { return r }; return nil } })
            case 7: return .geometryCollection(try parts(depth))
            default: throw Failure(message: "geometry type \(raw) is not one of the seven simple features types")
            }
        }

        mutating func parts(_ depth: Int) throws -> [Shape] {
            let n = try count()
            var out = [Shape]()
            for _ in 0..<n {
                let saved = littleEndian
                out.append(try geometry(depth: depth + 1))
                littleEndian = saved
            }
            return out
        }

        func only<T>(_ shape: Shape, _ kind: String, _ pick: (Shape) -> T?) throws -> T {
            guard let v = pick(shape) else { throw Failure(message: "a multi-geometry holds a \(shape.typeName) where a \(kind) belongs") }
            return v
        }
    }
}
