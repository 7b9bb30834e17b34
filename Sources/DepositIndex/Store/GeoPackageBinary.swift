import Geo

/// GeoPackage's geometry encoding (spec §2.1.3): a header of magic "GP", version 0, a flags byte,
/// the SRS id and an optional envelope, followed by standard WKB.
///
/// We write little-endian headers; points without an envelope (their envelope is the point itself)
/// and everything else with the [minx, maxx, miny, maxy] envelope of its vertices, which is what the
/// R-tree triggers index. Empty geometries are never written: a deposit without a location is NULL.
enum GeoPackageBinary {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { "not a GeoPackage geometry: \(message)" }
    }

    /// The decoded header.
    struct Header {
        var srsID: Int32
        var isEmpty: Bool
        /// The envelope stored in the header, if any.
        var envelope: Envelope?
        /// Where the WKB starts.
        var wkbOffset: Int
    }

    static func encode(_ shape: Shape, srsID: Int32 = 4326) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0]
        let envelope: Envelope? = { if case .point = shape { return nil }; return Envelope(covering: shape.coordinates) }()
        // Bit 0: little-endian; bits 1-3: envelope kind (1 = xy).
        out.append(envelope == nil ? 0b0000_0001 : 0b0000_0011)
        withUnsafeBytes(of: srsID.littleEndian) { out.append(contentsOf: $0) }
        if let e = envelope {
            for v in [e.minX, e.maxX, e.minY, e.maxY] {
                withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        out += WKB.encode(shape)
        return out
    }

    /// What `envelope(_:)` reads back from `encode(shape)`, found without encoding: the header's envelope of
    /// the vertices, or for a point (written without one) the point itself; nil for no vertices.
    static func envelope(of shape: Shape) -> Envelope? {
        if case .point = shape { return Envelope(covering: shape.coordinates.filter { !$0.x.isNaN }) }
        return Envelope(covering: shape.coordinates)
    }

    static func header(_ bytes: [UInt8]) throws -> Header {
        try bytes.withUnsafeBytes { try header($0) }
    }

    /// The header of a blob read where it lies (SQLite's copy of a row), without copying it.
    static func header(_ bytes: UnsafeRawBufferPointer) throws -> Header {
        guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else { throw Failure(message: "no \"GP\" magic") }
        guard bytes[2] == 0 else { throw Failure(message: "version \(bytes[2]); this reader knows version 0 (GeoPackage 1.x)") }
        let flags = bytes[3]
        guard flags & 0b0010_0000 == 0 else { throw Failure(message: "extended geometry types are not supported") }
        let little = flags & 1 == 1
        func u32(_ at: Int) -> UInt32 {
            let v = bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)
            return little ? UInt32(littleEndian: v) : UInt32(bigEndian: v)
        }
        func f64(_ at: Int) -> Double {
            let v = bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            return Double(bitPattern: little ? UInt64(littleEndian: v) : UInt64(bigEndian: v))
        }
        let kind = Int((flags >> 1) & 0b111)
        let doubles: Int
        switch kind {
        case 0: doubles = 0
        case 1: doubles = 4
        case 2, 3: doubles = 6
        case 4: doubles = 8
        default: throw Failure(message: "envelope indicator \(kind) is reserved")
        }
        let offset = 8 + doubles * 8
        guard bytes.count >= offset else { throw Failure(message: "header says \(offset) bytes, blob has \(bytes.count)") }
        let envelope = doubles == 0 ? nil : Envelope(minX: f64(8), minY: f64(24), maxX: f64(16), maxY: f64(32))
        return Header(srsID: Int32(bitPattern: u32(4)), isEmpty: flags & 0b0001_0000 != 0, envelope: envelope, wkbOffset: offset)
    }

    /// The geometry, or nil for an empty one.
    static func decode(_ bytes: [UInt8]) throws -> Shape? {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// The geometry of a blob read where it lies, or nil for an empty one.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> Shape? {
        let h = try header(bytes)
        if h.isEmpty { return nil }
        return try WKB.decode(UnsafeRawBufferPointer(rebasing: bytes[h.wkbOffset...]))
    }

    /// The envelope from the header, else from the vertices; nil for an empty geometry.
    static func envelope(_ bytes: [UInt8]) throws -> Envelope? {
        let h = try header(bytes)
        if h.isEmpty { return nil }
        if let e = h.envelope { return e }
        let shape = try WKB.decode(bytes[h.wkbOffset...])
        let cs = shape.coordinates.filter { !$0.x.isNaN }
        return Envelope(covering: cs)
    }
}
