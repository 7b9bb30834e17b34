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

    /// A report; the validator makes these.
    public init(files: [String], featureCount: Int, problems: [SurveyProblem], features: [SurveyFeatureSummary]) {
        self.files = files
        self.featureCount = featureCount
        self.problems = problems
        self.features = features
    }

    /// True when any problem is an error: the survey must not enter the catalog as it is.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Number of errors.
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    /// Number of warnings.
    public var warningCount: Int { problems.filter { $0.severity == .warning }.count }

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
}
