import DepositIndex
import Foundation
import Testing

/// Every file of the hostile corpus gives exactly the error and warning codes Corpus/expected.json lists
/// for it, and never crashes or hangs the readers.
@Suite struct CorpusTests {
    struct Expectation: Decodable {
        var codes: [String]
        var crs: String?
    }

    static func expectations() throws -> [String: Expectation] {
        let data = try Data(contentsOf: SurveyFixtures.corpus.appendingPathComponent("expected.json"))
        return try JSONDecoder().decode([String: Expectation].self, from: data)
    }

    @Test func corpusHasAtLeastFortyBrokenFiles() throws {
        let expected = try Self.expectations()
        #expect(expected.count >= 40)
        let files = try FileManager.default.contentsOfDirectory(atPath: SurveyFixtures.corpus.path).filter { $0 != "expected.json" }
        #expect(Set(files) == Set(expected.keys), "every corpus file needs an entry in expected.json and every entry a file")
        #expect(expected.values.allSatisfy { !$0.codes.isEmpty }, "a corpus file must be broken")
    }

    @Test func everyCorpusFileGivesItsCodes() throws {
        let validator = try SurveyFixtures.validator()
        for (name, expectation) in try Self.expectations().sorted(by: { $0.key < $1.key }) {
            let url = SurveyFixtures.corpus.appendingPathComponent(name)
            let report = validator.validate(file: url, crs: expectation.crs)
            let codes = SurveyFixtures.codes(report)
            #expect(codes == Set(expectation.codes), "\(name): got \(codes.sorted()), expected \(expectation.codes)\n\(report.table())")
            // Every problem says where: a file is always named, and syntax errors carry line and column.
            for p in report.problems where p.code == .syntax {
                #expect(p.line != nil && p.column != nil, "\(name): \(p)")
            }
        }
    }

    @Test func everyProblemCodeHasAHintAndAStableName() {
        for code in ProblemCode.allCases {
            #expect(!code.hint.isEmpty)
            #expect(code.rawValue == code.rawValue.lowercased() && !code.rawValue.contains(" "))
        }
    }
}
