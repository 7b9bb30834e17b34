import DepositIndex
import Foundation
import Testing
import XCTest

/// Fails the current test with the whole survey report when any of `files` has errors (warnings pass).
/// One call for both XCTest and Swift Testing: inside a Swift Testing test the failure is an
/// `Issue.record`, otherwise an `XCTFail`.
///
///     @Test func newSurveys() throws {
///         expectValidSurveys(try surveyFiles(in: URL(fileURLWithPath: "GeoData/surveys")), catalog: try Catalog.bundled())
///     }
///
///     func testUpperKairaktyBlocks() throws {
///         expectValidSurveys([URL(fileURLWithPath: "GeoData/surveys/example-upper-kairakty-blocks.geojson")], catalog: try Catalog.bundled())
///     }
///
/// - Parameters:
///   - crs: the CRS of the files' coordinates when they are not WGS84 longitude/latitude.
/// - Returns: the report, for further assertions.
@discardableResult
public func expectValidSurveys(
    _ files: [URL],
    catalog: Catalog?,
    crs: String? = nil,
    options: SurveyValidator.Options = SurveyValidator.Options(),
    fileID: String = #fileID,
    filePath: StaticString = #filePath,
    line: UInt = #line,
    column: UInt = #column
) -> SurveyReport {
    let report = SurveyValidator(catalog: catalog, options: options).validate(files: files, crs: crs)
    if report.hasErrors {
        fail(surveyFailureMessage(report), fileID: fileID, filePath: filePath, line: line, column: column)
    }
    return report
}

/// `expectValidSurveys` for one file.
@discardableResult
public func expectValidSurvey(
    _ file: URL,
    catalog: Catalog?,
    crs: String? = nil,
    fileID: String = #fileID,
    filePath: StaticString = #filePath,
    line: UInt = #line,
    column: UInt = #column
) -> SurveyReport {
    expectValidSurveys([file], catalog: catalog, crs: crs, fileID: fileID, filePath: filePath, line: line, column: column)
}

/// The survey files (`.geojson`, `.json`, `.wkt`, `.csv`) directly inside `directory`, sorted by name;
/// READMEs and hidden files are left out.
public func surveyFiles(in directory: URL) throws -> [URL] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    return names.filter { name in
        !name.hasPrefix(".") && ["geojson", "json", "wkt", "csv"].contains((name as NSString).pathExtension.lowercased())
    }.sorted().map { directory.appendingPathComponent($0) }
}

/// The message a failing survey test shows: the count, then every problem with its hint.
public func surveyFailureMessage(_ report: SurveyReport) -> String {
    "survey validation found \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"):\n" + report.table(notes: false, hints: true)
}

private func fail(_ message: String, fileID: String, filePath: StaticString, line: UInt, column: UInt) {
    if Test.current != nil {
        Issue.record(Comment(rawValue: message),
                     sourceLocation: SourceLocation(fileID: fileID, filePath: "\(filePath)", line: Int(line), column: Int(column)))
    } else {
        XCTFail(message, file: filePath, line: line)
    }
}
