import Geo

/// Everything checked for one feature, in the order that lets each check trust the ones before it:
/// reading, CRS, coordinates, rings, topology, then (for a valid geometry only) plausibility and
/// conflicts; the schema is checked whatever the geometry.
struct FeatureCheck {
    struct Result: Sendable {
        var problems: [SurveyProblem]
        var summary: SurveyFeatureSummary
        var id: String?
        var line: Int?
        /// Normalised WKB of a valid geometry, for duplicate detection across the whole submission.
        var key: [UInt8]?
    }

    let file: String
    let probe: CatalogProbe
    /// From the stated CRS to WGS84; nil when the file is in longitude/latitude already.
    let projection: Projection?
    let options: SurveyValidator.Options

    func run(_ feature: SurveyFeature) -> Result {
        var sink = ProblemSink(file: file, feature: feature.label, line: feature.line, limit: options.maximumProblemsPerCode)
        sink.add(feature.problems)
        var summary = SurveyFeatureSummary(file: file, feature: feature.label, areaKm2: nil, lengthKm: nil, regions: [])
        var key: [UInt8]?
        if var shape = feature.geometry {
            if shape.polygons.isEmpty && shape.lines.isEmpty {
                sink.add(.unsupportedGeometry, at: shape.coordinates.first.flatMap { $0.isFinite ? $0 : nil },
                         "a \(shape.typeName); a survey feature is an outline (Polygon, MultiPolygon) or an alignment (LineString, MultiLineString)")
            } else if transform(&shape, into: &sink),
                      CoordinateChecks.check(shape, homeBox: probe.catalog.homeBox, isHome: probe.isHome, into: &sink) {
                // An unclosed ring is reported, then closed for the checks after it, so one missing closing
                // position does not hide a crossing or an overlap in the same outline.
                let written = shape
                shape = RingChecks.closed(shape)
                let measures = RingMeasures(shape)
                let buildable = RingChecks.check(written, measures: measures, into: &sink)
                if buildable, let geometry = TopologyChecks.check(shape, measures: measures, into: &sink) {
                    let area = measures.area / 1e6
                    summary.areaKm2 = area
                    summary.lengthKm = (shape.polygons.isEmpty ? Geodesic.wgs84.length(of: shape) : measures.perimeter) / 1000
                    key = try? geometry.normalized().wkb
                    summary.regions = PlausibilityChecks.check(geometry, shape, areaKm2: area, probe: probe,
                                                               areaRange: options.areaRangeKm2, into: &sink)
                    ConflictChecks.check(geometry, shape, id: feature.id, key: key, areaKm2: area, probe: probe, into: &sink)
                }
            }
        }
        if options.checkDepositProperties { SchemaChecks.check(feature, into: &sink) }
        return Result(problems: sink.finished, summary: summary, id: feature.id, line: feature.line, key: key)
    }

    /// Brings the shape to WGS84 longitude/latitude; false (with the reason reported) when it cannot.
    private func transform(_ shape: inout Shape, into sink: inout ProblemSink) -> Bool {
        guard let projection else { return true }
        if shape.coordinates.contains(where: { !$0.isFinite }) {
            sink.add(.nonFiniteCoordinate, "NaN or infinite coordinates cannot be transformed from \(projection.name)")
            return false
        }
        do {
            shape = try projection.forward(shape)
            return true
        } catch {
            sink.add(.crsTransformFailed, "cannot transform the coordinates (\(projection.name)): \(error)")
            return false
        }
    }
}
