import Foundation
import Geo

/// Writes a repaired copy of survey files: the CRS transformed to WGS84, swapped pairs turned, repeated
/// positions dropped, rings closed, degenerate holes dropped, invalid geometry rebuilt (GEOS make-valid)
/// and rings rewound for RFC 7946. Each change is reported with its effect on the area.
///
///     let input = URL(fileURLWithPath: "GeoData/surveys/example-upper-kairakty-blocks.geojson")
///     let result = try SurveyRepair().repair(files: [input], crs: nil, to: URL(fileURLWithPath: "repaired.geojson"))
///     print(result.table())
///
/// The input is never touched: writing over it is refused (`OutputFailure.wouldOverwriteInput`),
/// and the output appears whole or not at all.
public struct SurveyRepair: Sendable {
    let reader: SurveyValidator

    /// A repairer reading files with the validator's `options` (file size limit, problem limit).
    public init(options: SurveyValidator.Options = SurveyValidator.Options()) {
        reader = SurveyValidator(catalog: nil, options: options)
    }

    /// Repairs `files` into one RFC 7946 FeatureCollection at `output`.
    /// - Throws: `OutputFailure` when `output` is one of the inputs or cannot be written.
    public func repair(files: [URL], crs: String? = nil, to output: URL) throws -> SurveyRepairResult {
        try repair(files: files, crs: crs, to: OutputTarget(path: output.path))
    }

    /// Repairs `files` into one RFC 7946 FeatureCollection written to `output`: a file (atomically), a
    /// FIFO or character device (in place), or standard output.
    /// - Throws: `OutputFailure` when `output` is one of the inputs (by device and inode) or cannot be written.
    package func repair(files: [URL], crs: String? = nil, to output: OutputTarget) throws -> SurveyRepairResult {
        if output.overwrittenInput(among: files) != nil { throw OutputFailure.wouldOverwriteInput(output.path) }
        var features = [Feature]()
        var result = SurveyRepairResult(output: output.path, featureCount: 0, changes: [], unrepaired: [])
        for url in files {
            if let why = GDALFormat.refusal(path: url.path) {
                result.unrepaired.append(SurveyProblem(.unreadableFile, file: url.path, message: why))
                continue
            }
            if let format = GDALFormat.of(path: url.path) {
                // Read through GDAL, layer by layer: the repaired copy is GeoJSON in WGS84, ids from the id attribute.
                let read = GDALSurveyReader.read(url, name: url.path, format: format, layer: reader.options.layer,
                                                 limit: reader.options.maximumProblemsPerCode)
                result.unrepaired += read.problems
                for document in read.documents {
                    let (f, r) = repaired(document, name: url.path, crs: crs)
                    features += f
                    result.featureCount += r.featureCount
                    result.changes += r.changes
                    result.unrepaired += r.unrepaired
                }
                continue
            }
            switch reader.read(url) {
            case .problem(let p): result.unrepaired.append(p)
            case .bytes(let bytes):
                let (f, r) = repaired(bytes: bytes, name: url.path, crs: crs)
                features += f
                result.featureCount += r.featureCount
                result.changes += r.changes
                result.unrepaired += r.unrepaired
            }
        }
        try OutputFile.write(Array(GeoJSON.text(of: features, decimals: nil).utf8), to: output, inputs: files)
        return result
    }

    /// The repaired features of one survey held in memory, and what was done.
    public func repaired(bytes: [UInt8], name: String, format: SurveyFormat? = nil, crs: String? = nil) -> ([Feature], SurveyRepairResult) {
        repaired(reader.document(bytes, name: name, format: format), name: name, crs: crs)
    }

    func repaired(_ document: SurveyDocument, name: String, crs: String?) -> ([Feature], SurveyRepairResult) {
        var result = SurveyRepairResult(output: nil, featureCount: document.count, changes: [], unrepaired: document.problems)
        let sourceCRS = crs ?? document.statedCRS
        var projection: Projection?
        if let sourceCRS {
            do {
                projection = try Projection(from: sourceCRS, to: "EPSG:4326")
            } catch {
                result.unrepaired.append(SurveyProblem(.unknownCRS, file: name, message: "\(crs ?? document.statedCRSLabel ?? sourceCRS): \(error)"))
                return ([], result)
            }
        }
        var features = [Feature]()
        for i in 0..<document.count {
            let read = document.feature(i)
            var feature = Feature(id: read.id, properties: read.properties ?? JSONObject(), geometry: read.geometry)
            if let shape = read.geometry {
                var fixer = FeatureRepair(file: name, feature: read.label, projection: projection, home: reader.catalog.homeBox)
                fixer.crsLabel = crs == nil ? document.statedCRSLabel : nil
                if let fixed = fixer.run(shape) { feature.geometry = fixed }
                result.unrepaired += fixer.blocking
                result.changes += fixer.changes
            } else {
                result.unrepaired += read.problems.isEmpty
                    ? [SurveyProblem(.missingGeometry, file: name, feature: read.label, line: read.line, message: "no geometry to repair")]
                    : read.problems
            }
            features.append(feature)
        }
        return (features, result)
    }
}

/// The repair of one feature's geometry, step by step, each step measured.
struct FeatureRepair {
    let file: String
    let feature: String
    let projection: Projection?
    let home: Envelope
    /// The source CRS as reports name it (a file's CRS read through GDAL is WKT, too long for a message).
    var crsLabel: String?
    private(set) var changes: [SurveyChange] = []
    private(set) var blocking: [SurveyProblem] = []

    init(file: String, feature: String, projection: Projection?, home: Envelope) {
        self.file = file
        self.feature = feature
        self.projection = projection
        self.home = home
    }

    static func areaKm2(_ shape: Shape) -> Double { Geodesic.wgs84.area(of: shape) / 1e6 }

    mutating func change(_ kind: SurveyChange.Kind, _ message: String, before: Shape?, after: Shape) {
        changes.append(SurveyChange(kind: kind, file: file, feature: feature, message: message,
                                    areaBeforeKm2: before.map(Self.areaKm2), areaAfterKm2: Self.areaKm2(after)))
    }

    /// The repaired shape, or nil (with `blocking` saying why) when it cannot be made longitude/latitude.
    mutating func run(_ input: Shape) -> Shape? {
        // Which ring a line or a point was meant to be is not for a repair to guess: listed, left as it is.
        guard input.isPolygonal else {
            blocking.append(SurveyProblem(.notAPolygon, file: file, feature: feature,
                message: "a \(input.typeName) is no outline to repair; draw the deposit as a Polygon or MultiPolygon"))
            return nil
        }
        var shape = input
        if let projection {
            do {
                shape = try projection.forward(shape)
            } catch {
                blocking.append(SurveyProblem(.crsTransformFailed, file: file, feature: feature, message: "cannot transform from \(crsLabel.map { "\($0) -> EPSG:4326" } ?? projection.name): \(error)"))
                return nil
            }
            change(.transformCRS, "transformed \(crsLabel.map { "\($0) -> EPSG:4326" } ?? projection.name)", before: nil, after: shape)
        }
        var sink = ProblemSink(file: file, feature: feature, line: nil, limit: 5)
        if !CoordinateChecks.check(shape, homeBox: home, isHome: { home.contains($0) }, into: &sink) {
            guard sink.problems.allSatisfy({ $0.code == .coordinatesSwapped }) else {
                blocking += sink.problems
                return nil
            }
            shape = shape.mapCoordinates(CoordinateChecks.swapped)
            // The area read the wrong way round means nothing, so the change has no "before".
            change(.swapAxes, "read every pair as [latitude, longitude] and turned it", before: nil, after: shape)
        }
        shape = rings(shape)
        if shape.polygons.isEmpty && shape.lines.isEmpty { return shape }
        shape = valid(shape)
        let wound = shape.woundForRFC7946()
        if wound != shape {
            change(.rewind, "exterior rings counter-clockwise, holes clockwise (RFC 7946)", before: shape, after: wound)
            shape = wound
        }
        return shape
    }

    /// Drops repeats, closes rings and removes rings that cannot be rings.
    private mutating func rings(_ shape: Shape) -> Shape {
        var dropped = 0, closed = 0
        func clean(_ cs: [Coordinate]) -> [Coordinate] {
            var out = [Coordinate]()
            for c in cs where c != out.last { out.append(c) }
            dropped += cs.count - out.count
            return out
        }
        func ring(_ cs: [Coordinate]) -> [Coordinate] {
            var r = clean(cs)
            if let first = r.first, r.last != first {
                r.append(first)
                closed += 1
            }
            return r
        }
        let before = shape
        let cleaned: Shape
        switch shape {
        case .lineString(let cs): cleaned = .lineString(clean(cs))
        case .multiLineString(let ls): cleaned = .multiLineString(ls.map(clean))
        case .polygon(let rs): cleaned = .polygon(rs.map(ring))
        case .multiPolygon(let ps): cleaned = .multiPolygon(ps.map { $0.map(ring) })
        default: cleaned = shape
        }
        // Repeats are removed before closing, so a ring typed with its start twice at the end is counted once.
        if dropped > 0 { change(.dropRepeatedPoints, "removed \(dropped) repeated position\(dropped == 1 ? "" : "s")", before: before, after: cleaned) }
        if closed > 0 { change(.closeRing, "closed \(closed) ring\(closed == 1 ? "" : "s") by repeating the first position", before: before, after: cleaned) }
        func usable(_ r: [Coordinate]) -> Bool { Set(r).count >= 3 && r.count >= 4 }
        var result = cleaned
        let polygons = cleaned.polygons
        if !polygons.isEmpty {
            let kept = polygons.compactMap { rings -> [[Coordinate]]? in
                guard let shell = rings.first, usable(shell) else { return nil }
                return [shell] + rings.dropFirst().filter(usable)
            }
            let removed = polygons.reduce(0) { $0 + $1.count } - kept.reduce(0) { $0 + $1.count }
            result = kept.count == 1 && { if case .polygon = cleaned { return true } else { return false } }() ? .polygon(kept[0]) : .multiPolygon(kept)
            if removed > 0 {
                change(.dropDegenerateRing, "removed \(removed) ring\(removed == 1 ? "" : "s") with fewer than three distinct corners", before: cleaned, after: result)
            }
        }
        return result
    }

    /// GEOS make-valid, run in an equal-area plane centred on the feature so new vertices (where survey
    /// legs cross) fall where the ellipsoid's geometry puts them, not where degrees-as-a-plane would.
    private mutating func valid(_ shape: Shape) -> Shape {
        let geometry: Geometry
        do {
            geometry = try Geometry(shape)
        } catch {
            blocking.append(SurveyProblem(.checkFailed, file: file, feature: feature,
                message: "GEOS cannot build the geometry to rebuild it: \(error)"))
            return shape
        }
        guard !geometry.isValid else { return shape }
        // GEOS's rebuild nodes every crossing, quadratic for a scribble; past this many it is no outline to rebuild.
        let crossingLimit = 1000
        let crossings = shape.polygons.flatMap { $0 }.reduce(0) { $0 + SelfCrossings.find(in: $1, limit: crossingLimit).count }
        if crossings >= crossingLimit {
            blocking.append(SurveyProblem(.selfIntersection, file: file, feature: feature,
                message: "\(crossingLimit) or more self-crossings: too broken to rebuild automatically; redraw the outline"))
            return shape
        }
        do {
            let plane = try LocalProjection.forAreas(around: geometry)
            let flat = try plane.forward(geometry)
            let rebuilt = try plane.inverse(flat.makeValid(method: .structure(keepCollapsed: false)))
            var fixed = rebuilt.shape
            if shape.polygons.isEmpty {
                let lines = fixed.lines
                fixed = lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines)
            } else {
                let polygons = fixed.polygons
                fixed = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
            }
            change(.makeValid, "rebuilt with GEOS make-valid into \(fixed.polygons.count) polygon\(fixed.polygons.count == 1 ? "" : "s")", before: shape, after: fixed)
            return fixed
        } catch {
            blocking.append(SurveyProblem(.invalidTopology, file: file, feature: feature, message: "make-valid failed: \(error)"))
            return shape
        }
    }
}
