import Geo

/// Which ring of which polygon a problem is in, for outlines with several parts and holes.
public struct RingPosition: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The polygon within a MultiPolygon (0 for a Polygon), or the line within a MultiLineString.
    public var part: Int
    /// 0 for the exterior ring, 1... for holes in file order.
    public var ring: Int

    /// Ring `ring` (0 the exterior) of polygon `part`.
    public init(part: Int, ring: Int) {
        self.part = part
        self.ring = ring
    }

    public var description: String {
        let role = ring == 0 ? "exterior ring" : "hole \(ring)"
        return part == 0 ? role : "polygon \(part + 1) \(role)"
    }
}

/// One thing wrong with a survey: what (a stable code and a message), how bad, where (file, feature,
/// coordinate, line and column) and how to fix it.
public struct SurveyProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What is wrong, as a stable code (see `ProblemCode`).
    public var code: ProblemCode
    /// Always `code.severity`, stored so JSON readers need no table.
    public var severity: SurveySeverity
    /// The file as it was given.
    public var file: String
    /// The feature's id, else its position (`features[3]`, `geometry 2`, `feature P-7` in a CSV); nil for a whole-file problem.
    public var feature: String?
    /// Where on the earth, `[longitude, latitude]` in WGS84 (after any CRS transform); nil where there is no position.
    public var location: Coordinate?
    /// 1-based line in the file (of the syntax error, or of the feature).
    public var line: Int?
    /// 1-based column in bytes, for syntax errors.
    public var column: Int?
    /// The ring, when the problem is in one ring.
    public var ring: RingPosition?
    /// What is wrong, for people, with the numbers that show it.
    public var message: String
    /// How to fix it.
    public var hint: String
    /// The other party of a conflict: the catalog deposit overlapped or duplicated, or the earlier
    /// feature a duplicate repeats (`file feature`).
    public var related: String?
    /// For `overlaps-deposit`: the area shared with the deposit's footprint, km² on the ellipsoid.
    public var overlapKm2: Double?
    /// For a line standing for problems not listed (a code over the report's limit): how many problems
    /// of this code it stands for. Counts (`SurveyReport.errorCount`) include them.
    public var unlistedCount: Int?
    /// For a format read through GDAL: the layer (a GeoPackage table, a KML folder, a Shapefile's name).
    public var layer: String?
    /// For a format read through GDAL: the feature's FID, as GDAL numbers it (from 0 in a Shapefile, as
    /// stored in a GeoPackage), which `ogrinfo -fid N` and QGIS show.
    public var fid: Int?
    /// `location` in the file's own CRS (easting, northing for a projected one), when the file is not in
    /// WGS84 longitude/latitude.
    public var fileLocation: Coordinate?
    /// The CRS of `fileLocation`: `EPSG:28413`, or the CRS's own name when it has no EPSG code.
    public var fileCRS: String?

    /// A problem; `hint` defaults to the code's usual fix.
    public init(_ code: ProblemCode, file: String, feature: String? = nil, location: Coordinate? = nil,
                line: Int? = nil, column: Int? = nil, ring: RingPosition? = nil, message: String, hint: String? = nil,
                related: String? = nil, overlapKm2: Double? = nil, unlistedCount: Int? = nil) {
        self.code = code
        self.severity = code.severity
        self.file = file
        self.feature = feature
        self.location = location
        self.line = line
        self.column = column
        self.ring = ring
        self.message = message
        self.hint = hint ?? code.hint
        self.related = related
        self.overlapKm2 = overlapKm2
        self.unlistedCount = unlistedCount
    }

    /// How many problems this line counts for: 1, or the number it stands for when it sums up unlisted ones.
    public var weight: Int { unlistedCount ?? 1 }

    /// `file:line:column: severity [code] feature: message`, the form editors and CI logs link from.
    public var description: String {
        var out = file
        if let line { out += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        out += ": \(severity.rawValue) [\(code.rawValue)]"
        if let layer { out += " layer '\(layer)'" }
        if let fid { out += " FID \(fid)" }
        if let feature { out += " \(feature)" }
        if let ring { out += " \(ring)" }
        if let location { out += " at \(CoordinateFormat.pair(location))" }
        if let fileLocation { out += " (\(CoordinateFormat.pair(fileLocation, decimals: 3)) in \(fileCRS ?? "the file's CRS"))" }
        return out + ": \(message) (hint: \(hint))"
    }
}

/// Coordinates written the way reports print them: longitude, latitude with 6 decimals (about 0.1 m).
enum CoordinateFormat {
    static func pair(_ c: Coordinate, decimals: Int = 6) -> String {
        "[\(number(c.x, decimals: decimals)), \(number(c.y, decimals: decimals))]"
    }

    /// A count with thousands separated by commas: 100,000.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func number(_ v: Double, decimals: Int = 6) -> String {
        guard v.isFinite else { return "\(v)" }
        // Huge values (metres mistaken for degrees, overflowing numbers) print in full rather than rounded.
        if abs(v) >= 1e9 { return "\(v)" }
        return JSONWriter.format(v, decimals: decimals)
    }
}
