import DepositIndex

/// What one fuzz input goes through: every reader (the detected format and each forced one), the
/// validator against the bundled catalog, the repair, and every rendering of the report. Any crash,
/// hang or runaway memory here is a finding; errors in the report are the expected outcome.
enum FuzzHarness {
    static let validator: SurveyValidator = {
        var options = SurveyValidator.Options()
        // One thread: libFuzzer measures coverage per input, and inputs are small.
        options.threads = 1
        return SurveyValidator(catalog: try? Catalog.bundled(), options: options)
    }()
    static let repair = SurveyRepair()

    static func run(_ bytes: [UInt8]) {
        consume(validator.validate(bytes: bytes, name: "fuzz-input"))
        for format in SurveyFormat.allCases {
            consume(validator.validate(bytes: bytes, name: "fuzz-input", format: format))
        }
        let (features, result) = repair.repaired(bytes: bytes, name: "fuzz-input")
        _ = GeoJSON.text(of: features, decimals: nil)
        _ = result.table()
    }

    private static func consume(_ report: SurveyReport) {
        _ = report.table(notes: true)
        _ = report.geoJSONText()
        do {
            _ = try report.jsonText()
        } catch {
            // A report that cannot be written as JSON is a finding.
            fatalError("the report cannot be written as JSON: \(error)")
        }
        // Invariant: a report with error problems says so.
        precondition(report.hasErrors == report.problems.contains { $0.severity == .error })
    }
}
