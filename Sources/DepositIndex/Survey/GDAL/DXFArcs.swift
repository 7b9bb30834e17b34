import Foundation

/// The DXF entities holding arcs, by entity handle: GDAL's DXF reader approximates ARC, CIRCLE, ELLIPSE and
/// SPLINE entities and polyline bulges (group code 42) by straight segments and hands them on as plain
/// lines, unmarked, so the file itself is read here for them. GDAL gives each feature its entity's handle
/// (the `EntityHandle` field), which ties a finding to the FID.
///
/// An ASCII DXF is pairs of lines, a group code then a value; this reads the pairs of the ENTITIES section
/// only, line by line over the bytes (no copy of the file as text), and stops at anything that is not such
/// a pair. It never fails: a file it cannot follow gives the handles found before that point.
enum DXFArcs {
    /// The handles of entities whose geometry has arcs, with what the arc is ("bulge", "ARC", ...).
    static func scan(_ bytes: [UInt8]) -> [String: String] {
        var found = [String: String]()
        var lines = LineReader(bytes: bytes)
        var inEntities = false
        var entity = ""          // the type of the entity being read
        var handle: String?      // its handle (group 5)
        var polyline: String?    // the POLYLINE whose VERTEX entities follow, until SEQEND
        while let codeLine = lines.next(), let valueLine = lines.next() {
            guard let code = Int(codeLine) else { return found }
            switch code {
            case 0:
                let value = valueLine
                if value == "SECTION" { entity = value; continue }
                if value == "ENDSEC" { inEntities = false; entity = ""; continue }
                if value == "SEQEND" { polyline = nil }
                entity = value
                handle = nil
            case 2 where entity == "SECTION":
                inEntities = valueLine == "ENTITIES"
            case 5 where inEntities:
                handle = valueLine
                if entity == "POLYLINE" { polyline = valueLine }
                if ["ARC", "CIRCLE", "ELLIPSE", "SPLINE"].contains(entity) { found[valueLine] = entity }
            case 42 where inEntities && (entity == "LWPOLYLINE" || entity == "VERTEX"):
                if let bulge = Double(valueLine), bulge != 0, let owner = entity == "VERTEX" ? polyline : handle {
                    found[owner] = "bulge"
                }
            default:
                break
            }
        }
        return found
    }

    /// The lines of a byte array, trimmed of spaces, tabs and carriage returns; only short lines (group
    /// codes, names, handles, numbers: at most 64 bytes) become strings, longer ones (text) are "".
    private struct LineReader {
        let bytes: [UInt8]
        var position = 0

        mutating func next() -> String? {
            guard position < bytes.count else { return nil }
            var start = position
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            position = end + 1
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            guard end - start <= 64 else { return "" }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
