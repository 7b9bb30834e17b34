/// One layer of a file GDAL opened, as `ogrinfo -so -al` describes it: its name, declared geometry
/// type, feature count and coordinate reference system (WKT, nil when the file states none).
struct OGRLayerInfo: Equatable, Sendable {
    var name: String
    /// GDAL's name for the layer's geometry type: `Polygon`, `3D Measured Polygon`, `Unknown (any)`...
    var geometryType: String
    var featureCount: Int?
    /// The layer's CRS as WKT2 (what PROJ reads), nil for `(unknown)`.
    var crsWKT: String?

    /// The layer holds M values (measures), which GeoJSON and the checks have no place for.
    var isMeasured: Bool { geometryType.contains("Measured") || geometryType.hasSuffix(" M") || geometryType.hasSuffix(" ZM") }
    /// The layer holds Z values (heights).
    var hasZ: Bool { geometryType.hasPrefix("3D ") || geometryType.contains(" Z") || geometryType.hasSuffix("25D") }
    /// The declared type admits curves (arcs), which GDAL approximates by straight segments on the way to GeoJSON.
    var mayHoldCurves: Bool {
        let t = geometryType.lowercased()
        return t.contains("curve") || t.contains("surface") || t.contains("circular") || t.contains("compound")
    }
    /// The declared type does not say what each feature holds (DXF, MapInfo, GML without a schema), so
    /// each feature's own type has to be asked for.
    var typeUndeclared: Bool {
        let t = geometryType.lowercased()
        return t.hasPrefix("unknown") || t.contains("geometry collection") || t.contains("geometrycollection") || mayHoldCurves
    }

    /// The layers in `ogrinfo -ro -so -al -nomd -wkt_format WKT2_2019` output. A layer block starts with
    /// `Layer name:`; the lines that follow at the margin (`Geometry:`, `Feature Count:`, `Layer SRS WKT:`
    /// with the WKT indented below it) describe it, and field definitions follow them.
    static func parse(_ text: String) -> [OGRLayerInfo] {
        var layers = [OGRLayerInfo]()
        var current: OGRLayerInfo?
        var wkt: [Substring]?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        func flushWKT() {
            if let w = wkt {
                let joined = w.joined(separator: "\n")
                current?.crsWKT = joined == "(unknown)" || joined.isEmpty ? nil : joined
                wkt = nil
            }
        }
        while i < lines.count {
            let line = lines[i]
            i += 1
            if wkt != nil {
                // The WKT runs until the axis-mapping line (or any other line at the margin that is not its first).
                if line.hasPrefix("Data axis to CRS axis mapping:") || (!line.hasPrefix(" ") && !(wkt?.isEmpty ?? true)) {
                    flushWKT()
                    if !line.hasPrefix("Data axis") { i -= 1 }
                } else {
                    wkt?.append(line)
                }
                continue
            }
            if line.hasPrefix("Layer name: ") {
                // A field called "Layer name" would look the same; a real layer's next line names its geometry.
                let next = i < lines.count ? lines[i] : ""
                guard next.hasPrefix("Geometry") || next.hasPrefix("Feature Count:") || next.hasPrefix("Metadata:") else { continue }
                if let c = current { layers.append(c) }
                current = OGRLayerInfo(name: String(line.dropFirst("Layer name: ".count)), geometryType: "Unknown (any)", featureCount: nil, crsWKT: nil)
            } else if current != nil, line.hasPrefix("Geometry"), let colon = line.firstIndex(of: ":"), current?.geometryType == "Unknown (any)" {
                // "Geometry: Polygon", or "Geometry (geom): Polygon" when a layer has several geometry fields (the first is read).
                current?.geometryType = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("Feature Count: ") {
                current?.featureCount = Int(line.dropFirst("Feature Count: ".count))
            } else if line.hasPrefix("Layer SRS WKT:") {
                wkt = []
            }
        }
        flushWKT()
        if let c = current { layers.append(c) }
        return layers
    }

    /// The CRS for messages: `EPSG:28413` when the WKT ends with an EPSG id, else the CRS's own name.
    static func crsLabel(_ wkt: String) -> String {
        if let range = wkt.range(of: "ID[\"EPSG\",", options: .backwards) {
            // The CRS's own id closes the WKT: only then is it the last ID, at the top level (one "]" after it).
            let rest = wkt[range.upperBound...]
            if let close = rest.firstIndex(of: "]"), let code = Int(rest[..<close]),
               rest[rest.index(after: close)...].trimmingCharacters(in: .whitespacesAndNewlines) == "]" {
                return "EPSG:\(code)"
            }
        }
        let name = quoted(after: "", in: wkt)
        if let name, !name.isEmpty, name.lowercased() != "unnamed", name.lowercased() != "unknown" { return name }
        // An unnamed CRS (MapInfo's, a hand-made .prj) is told by its projection method and ellipsoid.
        let parts = [quoted(after: "METHOD[", in: wkt), quoted(after: "ELLIPSOID[", in: wkt)].compactMap { $0 }
        return parts.isEmpty ? "the file's CRS" : "the file's CRS (\(parts.joined(separator: ", ")))"
    }

    /// The first quoted text after `keyword` in `wkt`.
    private static func quoted(after keyword: String, in wkt: String) -> String? {
        let start = keyword.isEmpty ? wkt.startIndex : wkt.range(of: keyword)?.upperBound
        guard let start, let open = wkt[start...].firstIndex(of: "\"") else { return nil }
        let after = wkt[wkt.index(after: open)...]
        guard let close = after.firstIndex(of: "\"") else { return nil }
        return String(after[..<close])
    }

    /// True when the WKT is WGS84 longitude/latitude itself (EPSG:4326 or OGC CRS84): no transformation is needed.
    static func isWGS84(_ wkt: String) -> Bool {
        let label = crsLabel(wkt)
        return label == "EPSG:4326" || label == "WGS 84" && wkt.hasPrefix("GEOGCRS") || label.uppercased().hasSuffix("CRS84")
    }
}
