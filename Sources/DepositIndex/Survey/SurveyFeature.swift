import Geo

/// One feature as a reader found it, before any check: its label for reports, its properties (GeoJSON
/// only), its geometry as written (nil when missing or unreadable) and the problems met reading it.
struct SurveyFeature: Sendable {
    /// Position in the file, 0-based.
    var index: Int
    var id: String?
    /// How reports name the feature: its id, else its position.
    var label: String
    /// GeoJSON properties; nil for WKT and CSV, which carry none.
    var properties: JSONObject?
    var geometry: Shape?
    /// 1-based line the feature starts on.
    var line: Int?
    var problems: [SurveyProblem] = []
    /// For a format read through GDAL: the layer the feature is in, and its FID as GDAL numbers it.
    var layer: String?
    var fid: Int?
}

/// Collects a feature's problems, at most `limit` per code, so that a million-vertex ring with every
/// point repeated gives a readable report (and bounded memory) rather than a million lines.
struct ProblemSink {
    let file: String
    let feature: String?
    let line: Int?
    let limit: Int
    private(set) var problems: [SurveyProblem] = []
    private var counts: [ProblemCode: Int] = [:]

    init(file: String, feature: String?, line: Int?, limit: Int) {
        self.file = file
        self.feature = feature
        self.line = line
        self.limit = limit
    }

    mutating func add(_ code: ProblemCode, at location: Coordinate? = nil, ring: RingPosition? = nil,
                      line: Int? = nil, column: Int? = nil, _ message: String, hint: String? = nil,
                      related: String? = nil, overlapKm2: Double? = nil) {
        let n = counts[code, default: 0]
        counts[code] = n + 1
        guard n < limit else { return }
        problems.append(SurveyProblem(code, file: file, feature: feature, location: location, line: line ?? self.line,
                                      column: column, ring: ring, message: message, hint: hint,
                                      related: related, overlapKm2: overlapKm2))
    }

    mutating func add(_ problems: [SurveyProblem]) {
        for p in problems {
            let n = counts[p.code, default: 0]
            counts[p.code] = n + 1
            if n < limit { self.problems.append(p) }
        }
    }

    func has(_ code: ProblemCode) -> Bool { counts[code, default: 0] > 0 }

    var hasErrors: Bool { counts.contains { $0.key.severity == .error } }

    /// The problems, with one closing line per code that went over the limit.
    var finished: [SurveyProblem] {
        var out = problems
        for (code, n) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where n > limit {
            out.append(SurveyProblem(code, file: file, feature: feature, line: line,
                                     message: "\(n - limit) more \(code.rawValue) problems in this feature not listed",
                                     unlistedCount: n - limit))
        }
        return out
    }
}
