import Foundation

/// The DXF entities holding arcs, by entity handle: GDAL's DXF reader approximates ARC, CIRCLE, ELLIPSE and
/// SPLINE entities and polyline bulges (group code 42) by straight segments and hands them on as plain
/// lines, unmarked, so the file itself is read here for them. GDAL gives each feature its entity's handle
/// (the `EntityHandle` field), which ties a finding to the FID.
///
/// An ASCII DXF is pairs of lines, a group code then a value; this reads the pairs of the ENTITIES section
/// only, and stops at anything that is not such a pair. It never fails: a file it cannot follow gives no handles.
enum DXFArcs {
    /// The handles of entities whose geometry has arcs, with what the arc is ("bulge", "ARC", ...).
    static func scan(_ bytes: [UInt8]) -> [String: String] {
        var found = [String: String]()
        var lines = [Substring]()
        lines.reserveCapacity(bytes.count / 8)
        let text = String(decoding: bytes, as: UTF8.self)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var inEntities = false
        var entity = ""          // the type of the entity being read
        var handle: String?      // its handle (group 5)
        var polyline: String?    // the POLYLINE whose VERTEX entities follow, until SEQEND
        var i = 0
        while i + 1 < lines.count {
            guard let code = Int(lines[i].trimmingCharacters(in: .whitespaces)) else { return found }
            let value = lines[i + 1].trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            i += 2
            switch code {
            case 0:
                if value == "SECTION" { entity = value; continue }
                if value == "ENDSEC" { inEntities = false; entity = ""; continue }
                if value == "SEQEND" { polyline = nil }
                entity = value
                handle = nil
            case 2 where entity == "SECTION":
                inEntities = value == "ENTITIES"
            case 5 where inEntities:
                handle = value
                if entity == "POLYLINE" { polyline = value }
                if ["ARC", "CIRCLE", "ELLIPSE", "SPLINE"].contains(entity) { found[value] = entity }
            case 42 where inEntities && (entity == "LWPOLYLINE" || entity == "VERTEX"):
                if let bulge = Double(value), bulge != 0, let owner = entity == "VERTEX" ? polyline : handle {
                    found[owner] = "bulge"
                }
            default:
                break
            }
        }
        return found
    }
}
