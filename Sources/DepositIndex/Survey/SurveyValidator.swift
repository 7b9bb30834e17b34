import Dispatch
import Foundation
import Geo

/// Checks survey files (GeoJSON, WKT, CSV of vertices) and reports every problem found, each with a
/// stable code, a severity, the feature, the location and a hint. See `ProblemCode` for the checks.
///
///     let validator = SurveyValidator(catalog: try Catalog.bundled())
///     let report = validator.validate(files: [URL(fileURLWithPath: "GeoData/surveys/example-upper-kairakty-blocks.geojson")])
///     if report.hasErrors { print(report.table()) }
///
/// Validation never throws: an unreadable file is a problem in the report like any other. Features
/// are checked in parallel; a `SurveyValidator` is an immutable value, safe to share between threads.
public struct SurveyValidator: Sendable {
    /// Limits and switches of a validation run; the defaults suit deposit outlines.
    public struct Options: Sendable {
        /// Area a deposit outline usually has, km²; outside it, `area-out-of-range` (a warning). Above
        /// 1,000 km², twice the largest solid-minerals exploration licence (200 one-minute blocks, about
        /// 520 km²); beyond `PlausibilityChecks.largestAreaKm2` (10,000 km²) it is `area-too-large`, an error.
        public var areaRangeKm2: ClosedRange<Double> = 0.001...1_000
        /// Files larger than this are refused with `unreadable-file` rather than read.
        public var maximumFileBytes = 512 << 20
        /// At most this many problems of one code per feature are listed (the rest are counted).
        public var maximumProblemsPerCode = 25
        /// At most this many problems of one code per file are listed; the rest are summed up in one line
        /// (`SurveyProblem.unlistedCount`), so a report's memory stays bounded whatever the file holds.
        public var maximumProblemsPerCodePerFile = 200
        /// Check GeoJSON features for the properties a catalog deposit needs, each missing or wrong one a
        /// problem (what `deposits add` and `validate --schema` do). Off, the report only counts what the
        /// catalog would still need (`SurveyReport.catalogGaps`) and judges geometry and plausibility alone.
        public var checkDepositProperties = true
        /// Features checked together, then merged into the report and let go; bounds the memory that
        /// per-feature results hold.
        public var featuresPerBatch = 4096
        /// For a file read through GDAL with several layers (a GeoPackage, a KML with folders): check only
        /// this layer; nil checks every layer.
        public var layer: String?
        /// Threads checking features; defaults to the processor count.
        public var threads = ProcessInfo.processInfo.activeProcessorCount

        /// The defaults.
        public init() {}
    }

    /// The options this validator runs with.
    public let options: Options
    let catalog: SurveyCatalog

    /// A validator checking against `catalog` (country outline, regions, deposit footprints); with nil,
    /// only Kazakhstan's bounding box is known and the conflict and region checks are skipped.
    public init(catalog: Catalog?, options: Options = Options()) {
        self.catalog = SurveyCatalog(catalog)
        self.options = options
    }

    /// Validates files together: duplicates are found across all of them.
    /// - Parameter crs: the CRS of every file's coordinates (`EPSG:32643`, any CRS PROJ knows); nil for
    ///   WGS84 longitude/latitude or the CRS a file states itself. Coordinates are transformed to WGS84 first.
    public func validate(files: [URL], crs: String? = nil) -> SurveyReport {
        var report = SurveyReport(files: [], featureCount: 0, problems: [], features: [])
        var seen = Seen()
        for url in files {
            let name = url.path
            report.files.append(name)
            if let why = GDALFormat.refusal(path: name) {
                report.problems.append(SurveyProblem(.unreadableFile, file: name, message: why))
                continue
            }
            if let format = GDALFormat.of(path: name) {
                checkThroughGDAL(url, format: format, crs: crs, into: &report, seen: &seen)
                continue
            }
            switch read(url) {
            case .bytes(let bytes): check(bytes, name: name, format: nil, crs: crs, into: &report, seen: &seen)
            case .problem(let problem): report.problems.append(problem)
            }
        }
        return report
    }

    /// Validates one file.
    public func validate(file: URL, crs: String? = nil) -> SurveyReport {
        validate(files: [file], crs: crs)
    }

    /// Validates a survey held in memory; `name` stands for the file in the report. The format is
    /// detected from `name`'s extension, else from the bytes, unless given.
    public func validate(bytes: [UInt8], name: String, format: SurveyFormat? = nil, crs: String? = nil) -> SurveyReport {
        var report = SurveyReport(files: [name], featureCount: 0, problems: [], features: [])
        var seen = Seen()
        check(bytes, name: name, format: format, crs: crs, into: &report, seen: &seen)
        return report
    }

    /// A file in a format GDAL reads: each layer checked as a document of its own, every problem
    /// located by layer and FID (see `GDALSurveyReader`).
    private func checkThroughGDAL(_ url: URL, format: GDALFormat, crs: String?, into report: inout SurveyReport, seen: inout Seen) {
        let name = url.path
        do {
            // A regular file, as every survey must be; an empty one is said so before GDAL is asked.
            try InputFile.check(name)
            let size = try FileManager.default.attributesOfItem(atPath: name)[.size] as? NSNumber
            if size?.intValue == 0 {
                report.problems.append(SurveyProblem(.unreadableFile, file: name, message: "the file is empty (0 bytes), not a \(format.name) file"))
                return
            }
        } catch let error as InputFile.Failure {
            let message: String
            switch error.problem {
            case .notRegular(let kind): message = "\(kind), not a survey file"
            default: message = error.reason
            }
            report.problems.append(SurveyProblem(.unreadableFile, file: name, message: message))
            return
        } catch {
            report.problems.append(SurveyProblem(.unreadableFile, file: name, message: error.localizedDescription))
            return
        }
        let read = GDALSurveyReader.read(url, name: name, format: format, layer: options.layer, limit: options.maximumProblemsPerCode)
        report.problems += read.problems
        for document in read.documents {
            check(document, name: name, crs: crs, into: &report, seen: &seen)
        }
    }

    // MARK: - Reading

    enum Read {
        case bytes([UInt8])
        case problem(SurveyProblem)
    }

    /// A survey file's bytes, or why it cannot be read: through `InputFile`, so a FIFO, a device or a
    /// directory is refused with what it is rather than read (or waited on) for ever.
    func read(_ url: URL) -> Read {
        do {
            return .bytes(try InputFile.read(url, maximumBytes: options.maximumFileBytes))
        } catch {
            let message: String
            switch error.problem {
            case .notRegular(let kind): message = "\(kind), not a survey file"
            case .tooLarge(let bytes, let limit): message = "\(bytes) bytes, more than the \(limit) bytes a survey file may have; split it"
            default: message = error.reason
            }
            return .problem(SurveyProblem(.unreadableFile, file: url.path, message: message))
        }
    }

    /// Reads bytes into a document in the given or detected format.
    func document(_ original: [UInt8], name: String, format: SurveyFormat?) -> SurveyDocument {
        let limit = options.maximumProblemsPerCode
        // A UTF-8 byte-order mark (which Windows tools write) is ignored, as RFC 8259 §8.1 allows, with a
        // warning: blanked to three spaces, so that every line and byte column after it stays where it was.
        var bytes = original
        let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if byteOrderMark { bytes.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20]) }
        var document = self.read(bytes, name: name, format: format, limit: limit)
        if byteOrderMark {
            document.problems.insert(SurveyProblem(.byteOrderMark, file: name, line: 1, column: 1,
                message: "the file starts with a UTF-8 byte-order mark (EF BB BF); it is ignored"), at: 0)
        }
        return document
    }

    private func read(_ bytes: [UInt8], name: String, format: SurveyFormat?, limit: Int) -> SurveyDocument {
        if bytes.count > options.maximumFileBytes {
            var d = SurveyDocument(file: name, format: format)
            d.problems.append(SurveyProblem(.unreadableFile, file: name, message: "\(bytes.count) bytes, more than the \(options.maximumFileBytes) bytes a survey may have"))
            return d
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            var d = SurveyDocument(file: name, format: format)
            d.problems.append(SurveyProblem(.unreadableFile, file: name, message: "the file is empty"))
            return d
        }
        switch format ?? SurveyFormat.detect(path: name, bytes: bytes) {
        case .geojson?: return GeoJSONSurveyReader.read(bytes, file: name, limit: limit)
        case .wkt?: return WKTSurveyReader.read(bytes, file: name, limit: limit)
        case .csv?: return CSVSurveyReader.read(bytes, file: name, limit: limit)
        case .gdal?:
            var d = SurveyDocument(file: name, format: .gdal)
            d.problems.append(SurveyProblem(.unknownFormat, file: name, message: "a format GDAL reads is checked from its file (GDAL opens the files beside it too), not from bytes in memory"))
            return d
        case nil:
            var d = SurveyDocument(file: name, format: nil)
            d.problems.append(SurveyProblem(.unknownFormat, file: name, message: "not GeoJSON, WKT or a CSV of vertices (judged by the extension and the first bytes)"))
            return d
        }
    }

    // MARK: - Checking

    /// Ids and geometries seen so far in this submission, for duplicates across files.
    struct Seen {
        var ids: [String: String] = [:]
        var keys: [GeometryKey: String] = [:]
    }

    /// Normalised WKB as a dictionary key, hashed as one block of bytes rather than byte by byte.
    struct GeometryKey: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private func check(_ bytes: [UInt8], name: String, format: SurveyFormat?, crs: String?, into report: inout SurveyReport, seen: inout Seen) {
        check(self.document(bytes, name: name, format: format), name: name, crs: crs, into: &report, seen: &seen)
    }

    private func check(_ document: SurveyDocument, name: String, crs: String?, into report: inout SurveyReport, seen: inout Seen) {
        var listed = ListedProblems(file: name, limit: options.maximumProblemsPerCodePerFile)
        defer { report.problems += listed.finished }
        listed.add(document.problems)
        let sourceCRS = crs ?? document.statedCRS
        if let sourceCRS {
            do {
                _ = try Projection(from: sourceCRS, to: "EPSG:4326")
            } catch {
                var problem = SurveyProblem(.unknownCRS, file: name, message: "\(crs ?? document.statedCRSLabel ?? sourceCRS): \(error)")
                problem.layer = document.source?.layer
                listed.add([problem])
                report.featureCount += document.count
                return
            }
        } else if document.projectedAxes {
            listed.add([SurveyProblem(.missingCRS, file: name, line: 1,
                message: "the columns are projected axes (x/y or easting/northing) but no CRS is stated")])
        }
        var gapFeatures = 0
        var gapProperties = Set<String>()
        var start = 0
        while start < document.count {
            let end = min(document.count, start + max(1, options.featuresPerBatch))
            let results = checkFeatures(document, range: start..<end, crs: sourceCRS, crsLabel: crs ?? document.statedCRSLabel ?? sourceCRS)
            start = end
            report.featureCount += results.count
            for r in results {
                var problems = r.problems
                if let id = r.id {
                    if let first = seen.ids[id] {
                        problems.append(SurveyProblem(.duplicateID, file: name, feature: r.summary.feature, line: r.line,
                                                      message: "the id \"\(id)\" is already used by \(first)", related: first))
                    } else {
                        seen.ids[id] = Self.naming(name, r)
                    }
                }
                if let key = r.key.map(GeometryKey.init) {
                    if let first = seen.keys[key] {
                        problems.append(SurveyProblem(.duplicateGeometry, file: name, feature: r.summary.feature, line: r.line,
                                                      message: "the same geometry as \(first)", related: first))
                    } else {
                        seen.keys[key] = Self.naming(name, r)
                    }
                }
                if !r.catalogGaps.isEmpty {
                    gapFeatures += 1
                    gapProperties.formUnion(r.catalogGaps)
                }
                if r.layer != nil {
                    for i in problems.indices where problems[i].code == .duplicateID || problems[i].code == .duplicateGeometry {
                        problems[i].layer = r.layer
                        problems[i].fid = r.fid
                    }
                }
                listed.add(problems)
                report.features.append(r.summary)
            }
        }
        if gapFeatures > 0 {
            var gaps = report.catalogGaps ?? SurveyReport.CatalogGaps(featureCount: 0, properties: [])
            gaps.featureCount += gapFeatures
            gaps.properties = Set(gaps.properties).union(gapProperties).sorted()
            report.catalogGaps = gaps
        }
    }

    /// How a duplicate names the feature it repeats: file and feature, and for a file read through GDAL
    /// the layer and FID too.
    private static func naming(_ file: String, _ r: FeatureCheck.Result) -> String {
        var out = file
        if let layer = r.layer, !SurveyReport.layerIsFileName(layer, file) { out += " layer \(layer)" }
        if let fid = r.fid { out += " FID \(fid)" }
        return out + " \(r.summary.feature)"
    }

    /// Checks every feature of a document, in parallel, each thread with its own GEOS and PROJ objects.
    private func checkFeatures(_ document: SurveyDocument, range: Range<Int>, crs: String?, crsLabel: String?) -> [FeatureCheck.Result] {
        let count = range.count
        guard count > 0 else { return [] }
        return Parallel.map(count, chunk: 64, workers: options.threads, state: {
            // Checked once before (an unknown CRS stops the file); a thread that still cannot make it
            // reports that on every feature rather than leave the coordinates untransformed.
            let projection = crs.map { crs in Result { try Projection(from: crs, to: "EPSG:4326") } }
            return FeatureCheck(file: document.file, probe: CatalogProbe(catalog), projection: projection, crsLabel: crsLabel, options: options)
        }) { checker, i in
            checker.run(document.feature(range.lowerBound + i))
        }
    }
}
