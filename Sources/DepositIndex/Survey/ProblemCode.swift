/// How much a problem matters: an error keeps a survey out of the catalog, a warning asks a person to
/// look, a note only informs (the regions a survey lies in).
public enum SurveySeverity: String, Codable, Sendable, Comparable, CaseIterable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    /// Errors sort first.
    public static func < (a: SurveySeverity, b: SurveySeverity) -> Bool { a.rank < b.rank }
}

/// The stable code of every problem the survey validator reports. The raw value is what reports,
/// JSON output and the hostile-input corpus use; it never changes once published.
///
/// Reading
/// - `unreadable-file`: the file cannot be read, is empty, or is larger than the reader accepts.
/// - `unknown-format`: neither GeoJSON, WKT nor a CSV of vertices.
/// - `syntax`: the text breaks the format's grammar (line and column given).
/// - `geojson-structure`: valid JSON that is not the GeoJSON a survey needs (wrong member types, unknown geometry type).
/// - `missing-geometry`: a feature without a geometry (or `null`).
/// - `empty-geometry`: a geometry with no coordinates at all.
/// - `missing-coordinates`: a geometry without `coordinates`, or a ring or line with none.
/// - `non-numeric-coordinate`: a position that is not an array of two or three numbers.
/// - `non-finite-coordinate`: NaN, an infinity, or a number beyond ±1.8e308.
/// - `byte-order-mark`: a UTF-8 byte-order mark opens the file (warning; RFC 8259 §8.1 lets a reader ignore it, and it is ignored).
/// - `not-a-polygon`: a Point, MultiPoint, LineString, MultiLineString or GeometryCollection where a deposit outline
///   (Polygon or MultiPolygon) is expected.
/// - `unsupported-geometry`: retired; what it reported is now `not-a-polygon`. Kept so older JSON reports still decode.
/// - `mixed-dimensions`: a WKT or CSV position with a different count of numbers from the geometry's others (usually a
///   missing comma that joins two positions), at its line and column.
/// - `missing-crs`: projected columns (x/y, easting/northing) with no CRS stated.
/// - `unknown-crs`: a CRS that PROJ does not know.
/// - `crs-transform-failed`: coordinates outside the stated CRS's domain.
/// - `gdal-unavailable`: a format only GDAL reads (Shapefile, GeoPackage, KML/KMZ, MapInfo, DXF, GML, FlatGeobuf)
///   and GDAL's `ogrinfo`/`ogr2ogr` are not installed.
/// - `unknown-layer`: the layer asked for (`--layer`) is not in the file; the message lists those that are.
/// - `dropped-in-conversion` (warning): what reading through GDAL leaves out, said rather than lost: M values, Z values
///   (per layer), and the curves GDAL approximated by straight segments (per FID).
///
/// Coordinates
/// - `coordinate-out-of-range`: longitude outside [-180, 180] or latitude outside [-90, 90].
/// - `coordinates-swapped`: read as latitude, longitude the survey lands where the longitude-first reading cannot.
/// - `projected-coordinates`: the numbers look like metres (UTM, Gauss-Kruger), not degrees.
///
/// Rings
/// - `ring-not-closed`, `too-few-points` (a ring needs 4 positions, a line 2), `repeated-points` (warning),
///   `wrong-winding` (RFC 7946 wants exterior rings counter-clockwise, holes clockwise; warning), `hole-outside-shell`.
///
/// Topology (every GEOS validity reason, with its location)
/// - `self-intersection`, `ring-self-intersection`, `nested-holes`, `disconnected-interior`, `nested-shells`,
///   `duplicate-rings`, `invalid-topology` (any other GEOS reason); `spike` and `sliver` (warnings).
///
/// Plausibility
/// - `area-out-of-range` (warning: outside the usual size of a deposit outline), `area-too-large` (error: larger than
///   any subsoil-use area could be), `outside-kazakhstan` (error), `crosses-border` (warning), `in-region` (note).
///
/// Conflicts
/// - `overlaps-deposit` (which deposit, overlap in km²), `duplicate-geometry`, `duplicate-id`.
///
/// Schema (GeoJSON deposits, GeoData/README.md; only when the catalog schema is asked for, as `add` and
/// `validate --schema` do)
/// - `missing-id`, `missing-property`, `invalid-property`.
///
/// Text and ids
/// - `control-character` (warning): a C0 control other than tab, line feed and carriage return, a C1 control, or a
///   bidirectional override in an id or a property value, which would garble a terminal or a report line.
/// - `conflicting-id` (warning): a feature's top-level `id` and its `properties.id` differ (the top-level one is used).
///
/// The validator itself
/// - `check-failed`: a check could not be carried out (GEOS or PROJ failed on this geometry); the message says which
///   check and why. An error, because a check that did not run has not passed.
public enum ProblemCode: String, Codable, Sendable, CaseIterable {
    case unreadableFile = "unreadable-file"
    case unknownFormat = "unknown-format"
    case syntax = "syntax"
    case geojsonStructure = "geojson-structure"
    case missingGeometry = "missing-geometry"
    case emptyGeometry = "empty-geometry"
    case missingCoordinates = "missing-coordinates"
    case nonNumericCoordinate = "non-numeric-coordinate"
    case nonFiniteCoordinate = "non-finite-coordinate"
    case unsupportedGeometry = "unsupported-geometry"
    case notAPolygon = "not-a-polygon"
    case mixedDimensions = "mixed-dimensions"
    case byteOrderMark = "byte-order-mark"
    case missingCRS = "missing-crs"
    case unknownCRS = "unknown-crs"
    case crsTransformFailed = "crs-transform-failed"
    case gdalUnavailable = "gdal-unavailable"
    case unknownLayer = "unknown-layer"
    case droppedInConversion = "dropped-in-conversion"

    case coordinateOutOfRange = "coordinate-out-of-range"
    case coordinatesSwapped = "coordinates-swapped"
    case projectedCoordinates = "projected-coordinates"

    case ringNotClosed = "ring-not-closed"
    case tooFewPoints = "too-few-points"
    case repeatedPoints = "repeated-points"
    case wrongWinding = "wrong-winding"
    case holeOutsideShell = "hole-outside-shell"

    case selfIntersection = "self-intersection"
    case ringSelfIntersection = "ring-self-intersection"
    case nestedHoles = "nested-holes"
    case disconnectedInterior = "disconnected-interior"
    case nestedShells = "nested-shells"
    case duplicateRings = "duplicate-rings"
    case invalidTopology = "invalid-topology"
    case spike = "spike"
    case sliver = "sliver"

    case areaOutOfRange = "area-out-of-range"
    case areaTooLarge = "area-too-large"
    case outsideKazakhstan = "outside-kazakhstan"
    case crossesBorder = "crosses-border"
    case inRegion = "in-region"

    case overlapsDeposit = "overlaps-deposit"
    case duplicateGeometry = "duplicate-geometry"
    case duplicateID = "duplicate-id"

    case missingID = "missing-id"
    case missingProperty = "missing-property"
    case invalidProperty = "invalid-property"

    case controlCharacter = "control-character"
    case conflictingID = "conflicting-id"

    case checkFailed = "check-failed"

    /// The severity every problem with this code has.
    public var severity: SurveySeverity {
        switch self {
        case .repeatedPoints, .wrongWinding, .spike, .sliver, .areaOutOfRange, .crossesBorder, .byteOrderMark,
             .controlCharacter, .conflictingID, .droppedInConversion:
            return .warning
        case .inRegion:
            return .note
        default:
            return .error
        }
    }

    /// The usual fix, shown beside the message.
    public var hint: String {
        switch self {
        case .unreadableFile: return "check the path and that the file is a survey, not a directory or an archive"
        case .unknownFormat: return "give GeoJSON (.geojson/.json), WKT (.wkt), a CSV of vertices with a header (.csv), or a format GDAL reads (.shp, .gpkg, .kml, .kmz, .tab, .mif, .dxf, .gml, .fgb)"
        case .syntax: return "fix the text at the line and column given; an editor with JSON/WKT highlighting shows it"
        case .geojsonStructure: return "see RFC 7946: a FeatureCollection of Features, each with a geometry object"
        case .missingGeometry: return "give the feature its outline; a survey without geometry cannot enter the catalog"
        case .emptyGeometry: return "give the geometry its coordinates or remove the feature"
        case .missingCoordinates: return "add the \"coordinates\" array ([[lon, lat], ...] per ring)"
        case .nonNumericCoordinate: return "write each position as [longitude, latitude] with plain numbers, no quotes"
        case .nonFiniteCoordinate: return "replace NaN/Infinity/overflowing numbers with the surveyed value"
        case .unsupportedGeometry, .notAPolygon:
            return "a deposit outline is a Polygon or MultiPolygon; close the line into a ring (first position repeated at the end) and make it a Polygon, or draw the outline around a point"
        case .mixedDimensions:
            return "a position has more numbers than the others: a comma is probably missing between two positions (write 'x1 y1, x2 y2')"
        case .byteOrderMark: return "save the file as UTF-8 without a byte-order mark (\"UTF-8\", not \"UTF-8 with BOM\")"
        case .missingCRS: return "state the CRS: a '# crs: EPSG:NNNN' first line, or --crs EPSG:NNNN"
        case .unknownCRS: return "use a code PROJ knows, e.g. EPSG:32643 (UTM 43N) or EPSG:28413 (Pulkovo 1942 / GK zone 13)"
        case .crsTransformFailed: return "check that the stated CRS is the one the coordinates were surveyed in"
        case .gdalUnavailable: return GDALTools.installHint + ", or convert the survey to GeoJSON"
        case .unknownLayer: return "give one of the layers the message lists to --layer, or leave --layer out to check every layer"
        case .droppedInConversion: return "nothing to do when the flat outline is what was surveyed (heights and measures stay in the delivered file); if arcs matter, densify them before delivery"
        case .coordinateOutOfRange: return "longitude goes first and lies in [-180, 180]; latitude in [-90, 90]"
        case .coordinatesSwapped: return "swap each pair to [longitude, latitude] (GeoJSON and WKT put longitude first)"
        case .projectedCoordinates: return "pass the survey's CRS with --crs EPSG:NNNN so it is transformed to WGS84"
        case .ringNotClosed: return "repeat the first position at the end of the ring (--fix does this)"
        case .tooFewPoints: return "a ring needs at least three distinct corners and the closing position; a line two positions"
        case .repeatedPoints: return "drop the repeated position (--fix does this)"
        case .wrongWinding: return "reverse the ring: exterior counter-clockwise, holes clockwise (--fix does this)"
        case .holeOutsideShell: return "move the hole inside its exterior ring, or make it a separate polygon"
        case .selfIntersection, .ringSelfIntersection: return "two survey legs cross here; re-order the vertices or split the polygon (--fix rebuilds it)"
        case .nestedHoles: return "a hole lies inside another hole; remove one or make it an island polygon"
        case .disconnectedInterior: return "holes touching along a chain cut the polygon in two; split it into polygons"
        case .nestedShells: return "one polygon of a MultiPolygon lies inside another; merge them or make it a hole"
        case .duplicateRings: return "remove the repeated ring"
        case .invalidTopology: return "rebuild the geometry (--fix runs GEOS make-valid)"
        case .spike: return "the outline goes out and straight back; remove the spike's tip vertex"
        case .sliver: return "a very thin part: check for a mistyped vertex or a part that should not be there"
        case .areaOutOfRange: return "check the units and the CRS; a deposit outline is usually between 0.001 and 1,000 km² (GeoData/README.md)"
        case .areaTooLarge: return "no subsoil-use area in Kazakhstan comes near 10,000 km² (GeoData/README.md says why); check the units, the CRS and for a stray vertex"
        case .outsideKazakhstan: return "check the coordinates and the CRS; the catalog holds Kazakhstan's deposits"
        case .crossesBorder: return "check that the outline is meant to cross the national border"
        case .inRegion: return "no action needed"
        case .overlapsDeposit: return "check the licence boundaries; if this survey replaces the deposit, give it the deposit's id"
        case .duplicateGeometry: return "remove the duplicate, or give the catalog deposit's id to replace it"
        case .duplicateID: return "give each feature its own id"
        case .missingID: return "give the feature a string \"id\" (kz-<commodity>-<nnn>, GeoData/README.md)"
        case .missingProperty: return "add the property (GeoData/README.md lists what a deposit needs)"
        case .invalidProperty: return "use the type and values GeoData/README.md gives for the property"
        case .controlCharacter: return "remove the control character (shown as \\u{...}); it would garble terminals and reports"
        case .conflictingID: return "give the feature one id: drop properties.id or make it equal to the top-level \"id\""
        case .checkFailed: return "the check did not run, so the survey has not passed it; report the message to the maintainers if the geometry looks right"
        }
    }
}
