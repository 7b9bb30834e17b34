import DepositIndex
import DepositTesting
import Foundation
import Testing

/// GeoData/surveys/ is the intake folder: every survey in it must validate without errors.
@Suite struct IntakeFolderTests {
    @Test func everySurveyInTheIntakeFolderIsValid() throws {
        let files = try surveyFiles(in: SurveyFixtures.intake)
        #expect(!files.isEmpty, "GeoData/surveys/ should hold at least the example survey")
        expectValidSurveys(files, catalog: try SurveyFixtures.catalog.get())
    }

    @Test func exampleSurveyIsMeasuredAndPlaced() throws {
        let file = SurveyFixtures.intake.appendingPathComponent("example-upper-kairakty-blocks.geojson")
        let report = try SurveyFixtures.validator().validate(file: file)
        #expect(!report.hasErrors)
        #expect(report.warningCount == 0)
        let summary = try #require(report.features.first)
        // pyproj 3.7.2 Geod(ellps="WGS84").polygon_area_perimeter of the four corners
        // 73.2333333–73.2833333 E, 48.6666667–48.7166667 N: 20,467,715.4 m².
        let area = try #require(summary.areaKm2)
        #expect(abs(area - 20.4677154) < 1e-6)
        // The published point lies in Karaganda region (GeoData/deposits.geojson gives region KZ-KAR for kz-w-001).
        #expect(summary.regions == ["KZ-KAR"])
    }
}
