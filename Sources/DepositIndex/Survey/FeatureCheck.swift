import Geo

/// Everything checked for one feature, in the order that lets each check trust the ones before it:
/// reading, CRS, coordinates, rings, topology, then (for a valid outline only) plausibility and
/// conflicts; text (control characters) and the catalog schema whatever the geometry. Without
/// `checkDepositProperties` the schema's findings are not problems, only the properties the catalog
/// would still need (`Result.catalogGaps`).
struct FeatureCheck {
    struct Result: Sendable {
        var problems: [SurveyProblem]
        var summary: SurveyFeatureSummary
        var id: String?
        var line: Int?
        /// Normalised WKB of a valid geometry, for duplicate detection across the whole submission.
        var key: [UInt8]?
        /// When the catalog schema is not checked: the catalog properties this feature lacks or holds wrongly.
        var catalogGaps: [String] = []
        /// For a feature read through GDAL: its layer and FID, for the problems found across features.
        var layer: String?
        var fid: Int?
    }

    let file: String
    let probe: CatalogProbe
    /// From the stated CRS to WGS84 (or why it could not be made); nil when the file is in longitude/latitude already.
    let projection: Swift.Result<Projection, any Error>?
    /// The stated CRS as reports name it, for the coordinates given in the file's own terms.
    var crsLabel: String?
    let options: SurveyValidator.Options

    func run(_ feature: SurveyFeature) -> Result {
        var sink = ProblemSink(file: file, feature: feature.label, line: feature.line, limit: options.maximumProblemsPerCode)
        sink.add(feature.problems)
        var summary = SurveyFeatureSummary(file: file, feature: feature.label, areaKm2: nil, lengthKm: nil, regions: [])
        var key: [UInt8]?
        if var shape = feature.geometry {
            if !shape.isPolygonal {
                sink.add(.notAPolygon, at: shape.coordinates.first.flatMap { $0.isFinite ? $0 : nil },
                         "a \(shape.typeName) where a deposit outline (Polygon or MultiPolygon) is expected")
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
                    summary.lengthKm = measures.perimeter / 1000
                    do {
                        key = try geometry.normalized().wkb
                    } catch {
                        sink.add(.checkFailed, at: shape.coordinates.first, "duplicates could not be looked for: GEOS could not normalise the geometry: \(error)")
                    }
                    summary.regions = PlausibilityChecks.check(geometry, shape, areaKm2: area, probe: probe,
                                                               areaRange: options.areaRangeKm2, into: &sink)
                    ConflictChecks.check(geometry, shape, id: feature.id, key: key, areaKm2: area, probe: probe, into: &sink)
                }
            }
        }
        ControlCharacters.check(feature, into: &sink)
        var gaps = Set<String>()
        SchemaChecks.check(feature) { code, property, message in
            if options.checkDepositProperties {
                sink.add(code, message)
            } else {
                gaps.insert(property)
            }
        }
        return Result(problems: inFileTerms(sink.finished, feature), summary: summary, id: feature.id, line: feature.line, key: key, catalogGaps: gaps.sorted(),
                      layer: feature.layer, fid: feature.fid)
    }

    /// For a feature read through GDAL: each problem with its layer and FID, and its location also in
    /// the file's own CRS (transformed back through PROJ). Winding is GeoJSON's rule (RFC 7946) and not
    /// these formats' (a Shapefile's exterior rings run clockwise, and GDAL reads each format's rings by
    /// that format's own rule), so `wrong-winding` is not reported for them.
    private func inFileTerms(_ problems: [SurveyProblem], _ feature: SurveyFeature) -> [SurveyProblem] {
        guard feature.layer != nil else { return problems }
        let back: Projection?
        if case .success(let p)? = projection { back = p } else { back = nil }
        return problems.filter { $0.code != .wrongWinding }.map { p in
            var p = p
            p.layer = feature.layer
            p.fid = feature.fid
            if let back, let location = p.location, location.isFinite {
                do {
                    p.fileLocation = try back.inverse(location)
                    p.fileCRS = crsLabel
                } catch {
                    // The point came from the file's coordinates; if PROJ cannot take it back, the WGS84 location stands alone.
                    p.fileLocation = nil
                }
            }
            return p
        }
    }

    /// Brings the shape to WGS84 longitude/latitude; false (with the reason reported) when it cannot.
    private func transform(_ shape: inout Shape, into sink: inout ProblemSink) -> Bool {
        guard let made = projection else { return true }
        let projection: Projection
        switch made {
        case .success(let p): projection = p
        case .failure(let error):
            sink.add(.crsTransformFailed, "cannot make the transformation to WGS84: \(error)")
            return false
        }
        if shape.coordinates.contains(where: { !$0.isFinite }) {
            sink.add(.nonFiniteCoordinate, "NaN or infinite coordinates cannot be transformed from \(crsLabel ?? projection.name)")
            return false
        }
        do {
            shape = try projection.forward(shape)
            return true
        } catch {
            sink.add(.crsTransformFailed, "cannot transform the coordinates (\(crsLabel.map { "\($0) -> EPSG:4326" } ?? projection.name)): \(error)")
            return false
        }
    }
}

extension Shape {
    /// A Polygon or MultiPolygon: what a deposit outline is.
    var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: return true
        default: return false
        }
    }
}
