import DepositIndex
import DepositTesting
import Foundation
import Testing
import XCTest

/// The one-call helper fails a Swift Testing test with the whole report...
@Suite struct DepositTestingSwiftTestingTests {
    @Test func brokenSurveyRecordsOneIssueWithTheWholeReport() throws {
        let catalog = try SurveyFixtures.catalog.get()
        withKnownIssue {
            expectValidSurvey(SurveyFixtures.corpus.appendingPathComponent("features-one-broken.geojson"), catalog: catalog)
        } matching: { issue in
            // The report lists both the syntax error and the wrong winding of another feature.
            let text = issue.comments.map(\.rawValue).joined()
            return text.contains("syntax") && text.contains("wrong-winding") && text.contains("1 error, 1 warning")
        }
    }

    @Test func validSurveyRecordsNothing() throws {
        let report = expectValidSurvey(SurveyFixtures.intake.appendingPathComponent("example-upper-kairakty-blocks.geojson"),
                                       catalog: try SurveyFixtures.catalog.get())
        #expect(report.featureCount == 1)
    }
}

/// ...and works unchanged inside XCTest.
final class DepositTestingXCTestTests: XCTestCase {
    func testValidSurveyPassesUnderXCTest() throws {
        let report = expectValidSurvey(SurveyFixtures.intake.appendingPathComponent("example-upper-kairakty-blocks.geojson"),
                                       catalog: try SurveyFixtures.catalog.get())
        XCTAssertFalse(report.hasErrors)
    }

    func testFailureMessageCarriesEveryProblemAndHint() throws {
        let report = try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent("features-one-broken.geojson"))
        let message = surveyFailureMessage(report)
        XCTAssertTrue(message.hasPrefix("survey validation found 1 error:"))
        XCTAssertTrue(message.contains("syntax") && message.contains("wrong-winding") && message.contains("hint: "))
    }
}
