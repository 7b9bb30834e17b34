import DepositIndex
import Foundation

/// Paths and the shared catalog for the survey tests.
enum SurveyFixtures {
    /// Tests/SurveyTests/SurveyTestSupport.swift -> the package root.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static let intake = packageRoot.appendingPathComponent("GeoData/surveys")

    /// The bundled GeoData, loaded once for every test.
    static let catalog: Result<Catalog, any Error> = Result { try Catalog.bundled() }

    static func validator() throws -> SurveyValidator {
        SurveyValidator(catalog: try catalog.get())
    }

    /// Validates text as a file called `name`.
    static func validate(_ text: String, name: String = "survey.geojson", crs: String? = nil) throws -> SurveyReport {
        try validator().validate(bytes: Array(text.utf8), name: name, crs: crs)
    }

    /// The error and warning codes of a report (notes left out).
    static func codes(_ report: SurveyReport) -> Set<String> {
        Set(report.problems.filter { $0.severity != .note }.map(\.code.rawValue))
    }
}
