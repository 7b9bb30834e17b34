import Geo

/// What the validator learnt about one feature that is not a problem: its size and where it lies.
public struct SurveyFeatureSummary: Hashable, Sendable, Codable {
    /// The file, as given.
    public var file: String
    /// The feature's id, else its position.
    public var feature: String
    /// Geodesic area on WGS84 in km² (0 for lines); nil when the geometry could not be measured.
    public var areaKm2: Double?
    /// Geodesic length in km of a line, or perimeter of an outline; nil when not measured.
    public var lengthKm: Double?
    /// ISO 3166-2 codes of the regions the feature meets, largest share first.
    public var regions: [String]

    /// A summary; the validator makes these.
    public init(file: String, feature: String, areaKm2: Double?, lengthKm: Double?, regions: [String]) {
        self.file = file
        self.feature = feature
        self.areaKm2 = areaKm2
        self.lengthKm = lengthKm
        self.regions = regions
    }
}

/// Everything the validator found in a set of survey files: every problem (not only the first), in
/// file order, and a summary of each feature read.
public struct SurveyReport: Hashable, Sendable, Codable {
    /// The files validated, as given.
    public var files: [String]
    /// Number of features read from all files.
    public var featureCount: Int
    /// Every problem, file by file, in the order found.
    public var problems: [SurveyProblem]
    /// One summary per feature read, in file order.
    public var features: [SurveyFeatureSummary]
    /// When the catalog schema was not checked (`SurveyValidator.Options.checkDepositProperties` off):
    /// what the catalog would still need of these features; nil when it was checked or nothing is missing.
    public var catalogGaps: CatalogGaps?

    /// The catalog properties a survey's features lack or hold wrongly, counted, not listed feature by feature.
    public struct CatalogGaps: Hashable, Sendable, Codable {
        /// Features lacking (or holding wrongly) at least one property the catalog needs.
        public var featureCount: Int
        /// Those properties, sorted (`id` for the feature's id).
        public var properties: [String]

        /// Gaps; the validator makes these.
        public init(featureCount: Int, properties: [String]) {
            self.featureCount = featureCount
            self.properties = properties
        }
    }

    /// A report; the validator makes these.
    public init(files: [String], featureCount: Int, problems: [SurveyProblem], features: [SurveyFeatureSummary],
                catalogGaps: CatalogGaps? = nil) {
        self.files = files
        self.featureCount = featureCount
        self.problems = problems
        self.features = features
        self.catalogGaps = catalogGaps
    }

    /// True when any problem is an error: the survey must not enter the catalog as it is.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Number of errors, those summed up as not listed included.
    public var errorCount: Int { problems.reduce(0) { $0 + ($1.severity == .error ? $1.weight : 0) } }
    /// Number of warnings, those summed up as not listed included.
    public var warningCount: Int { problems.reduce(0) { $0 + ($1.severity == .warning ? $1.weight : 0) } }

    /// The distinct codes reported, sorted: what a test or a script usually checks.
    public var codes: Set<ProblemCode> { Set(problems.map(\.code)) }

    /// The problems of one severity.
    public func problems(_ severity: SurveySeverity) -> [SurveyProblem] {
        problems.filter { $0.severity == severity }
    }

    /// One line: "2 files, 14 features: 3 errors, 1 warning".
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(files.count, "file")), \(count(featureCount, "feature")): "
            + "\(count(errorCount, "error")), \(count(warningCount, "warning"))"
    }

    /// One line on what the catalog would still need, or nil: "catalog: 3 features lack aliases, status
    /// (deposits add will require them; --schema checks them here)".
    public var catalogGapsLine: String? {
        guard let gaps = catalogGaps, gaps.featureCount > 0 else { return nil }
        let n = gaps.featureCount
        return "catalog: \(CoordinateFormat.grouped(n)) feature\(n == 1 ? "" : "s") lack\(n == 1 ? "s" : "") or hold\(n == 1 ? "s" : "") wrongly "
            + "\(gaps.properties.joined(separator: ", ")) (deposits add will require them; --schema checks them here)"
    }
}
