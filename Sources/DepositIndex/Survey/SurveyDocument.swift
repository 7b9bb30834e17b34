import Foundation

/// A survey file read into features, ready to check. GeoJSON collections are kept as one byte range
/// per feature and parsed only when `feature(_:)` asks, so checking threads parse in parallel and a
/// large file is never held as one JSON tree.
struct SurveyDocument: Sendable {
    var file: String
    var format: SurveyFormat?
    /// Problems of the whole file (unreadable, syntax outside any feature, unknown CRS...).
    var problems: [SurveyProblem] = []
    /// The CRS the file states for itself (GeoJSON `crs` member, CSV `# crs:` line), if any.
    var statedCRS: String?
    /// The stated CRS as messages name it (`EPSG:28413`, or the CRS's own name), when it is not an EPSG code string already.
    var statedCRSLabel: String?
    /// For a layer read through GDAL: which layer of which format, so each feature is named by layer and FID.
    var source: Source?
    /// True when the CSV header names projected axes (x/y, easting/northing), which need a CRS.
    var projectedAxes = false
    var maximumProblemsPerCode = 25

    private var parsed: [SurveyFeature] = []
    private var bytes: [UInt8] = []
    private var spans: [Range<Int>] = []
    private var lines: TextLines?

    /// A layer of a file read through GDAL.
    struct Source: Sendable {
        var layer: String
        var format: GDALFormat
        /// A DXF's polylines are read as outlines (see `GDALSurveyReader.relabel`).
        var linesAsOutlines = true
    }

    init(file: String, format: SurveyFormat?) {
        self.file = file
        self.format = format
    }

    var count: Int { lines == nil ? parsed.count : spans.count }

    /// Features read whole by the reader (WKT, CSV, a single Feature or geometry).
    mutating func setFeatures(_ features: [SurveyFeature]) {
        parsed = features
        lines = nil
    }

    /// A collection cut into one byte range per feature.
    mutating func setSpans(_ spans: [Range<Int>], of bytes: [UInt8], lines: TextLines) {
        self.spans = spans
        self.bytes = bytes
        self.lines = lines
    }

    /// Feature `i`, parsed now when it is a byte range.
    func feature(_ i: Int) -> SurveyFeature {
        let read = readFeature(i)
        return source.map { GDALSurveyReader.relabel(read, source: $0) } ?? read
    }

    private func readFeature(_ i: Int) -> SurveyFeature {
        guard let lines else { return parsed[i] }
        let range = spans[i]
        let start = lines.position(of: range.lowerBound)
        let slice = Array(bytes[range])
        do {
            let value = try JSONParser.parse(slice)
            return GeoJSONSurveyReader.feature(value, index: i, file: file, line: start.line, limit: maximumProblemsPerCode)
        } catch {
            let at = lines.position(line: error.line, column: error.column, inSliceAt: range.lowerBound)
            let label = "features[\(i)]"
            let problem = GeoJSONSurveyReader.syntaxProblem(error, file: file, feature: label, line: at.line, column: at.column, slice: slice)
            return SurveyFeature(index: i, id: nil, label: label, properties: nil, geometry: nil, line: start.line, problems: [problem])
        }
    }
}
