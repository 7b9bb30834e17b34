import DepositAnswers
import DepositIndex
import XCTest

/// The library's questions (`DepositAnswers`, which the server answers through) give exactly the bytes
/// the CLI prints for the same question, and refuse with the CLI's exit code and message.
final class SharedAnswerTests: XCTestCase {
    func testNearRailJSONAndGeoJSONAreTheCLIsBytes() throws {
        let catalog = try Catalog.bundled()
        let question = NearRailQuestion(place: "Upper Kairakty", k: 2)
        let answer = try question.answer(catalog: catalog)
        XCTAssertEqual(try AnswerText.json(answer) + "\n", try CLIRunner.succeed(["near-rail", "Upper Kairakty", "-k", "2", "--format", "json"]))
        // GeoJSON text ends with its own newline; the CLI adds one only when missing.
        XCTAssertEqual(try AnswerText.geojson(answer.features(catalog: catalog)),
                       try CLIRunner.succeed(["near-rail", "Upper Kairakty", "-k", "2", "--format", "geojson"]))
        // 35.2 km: README's near-rail example (the Zharyk – Aqadyr line).
        XCTAssertTrue(try AnswerText.json(answer).contains("\"distance_m\" : 352"), "Upper Kairakty is 35.2 km from rail")
    }

    func testAtJSONIsTheCLIsBytes() throws {
        let catalog = try Catalog.bundled()
        let answer = try AtQuestion(place: "48.683,73.283").answer(catalog: catalog)
        XCTAssertEqual(try AnswerText.json(answer) + "\n", try CLIRunner.succeed(["at", "48.683,73.283", "--format", "json"]))
    }

    func testRefusalsCarryTheExitCodeAndMessage() throws {
        let catalog = try Catalog.bundled()
        do {
            _ = try NearRailQuestion(place: "Upper Kiarakty").answer(catalog: catalog)
            XCTFail("a misspelt deposit was answered")
        } catch {
            let e = AnswerError(error)
            XCTAssertEqual(e.status, .notFound)
            // The CLI's own line for the same question (README, "When something is wrong").
            XCTAssertEqual(e.message, "no deposit named 'Upper Kiarakty'; did you mean: Upper Kayrakty (kz-w-001)?")
        }
        XCTAssertThrowsError(try NearRailQuestion(place: "x", k: 0).check()) { XCTAssertEqual(AnswerError($0).status, .usage) }
        XCTAssertThrowsError(try AtQuestion(place: "148.683,73.283").answer(catalog: catalog)) { XCTAssertEqual(AnswerError($0).status, .usage) }
    }

    /// `NearRailForEveryDepositQuestion.stream` (the doc example) gives the CLI's `--format jsonl` and
    /// `geojsonseq` bytes, chunk size whatever it is; `AnswerStream.jsonLine` writes one line.
    func testStreamedAnswersAreTheCLIsBytes() throws {
        let catalog = try Catalog.bundled()
        for (format, chunk) in [(AnswerStream.Format.jsonLines, 8192), (.jsonLines, 5), (.geoJSONSequence, 3)] {
            var text = [UInt8]()
            try NearRailForEveryDepositQuestion(k: 2).stream(from: catalog, format: format, chunkSize: chunk) { text += $0 }
            XCTAssertEqual(String(decoding: text, as: UTF8.self),
                           try CLIRunner.succeed(["near-rail", "--all", "-k", "2", "--format", format.rawValue]), "\(format) \(chunk)")
        }
        XCTAssertEqual(String(decoding: try AnswerStream.jsonLine(["railId": "r1"]), as: UTF8.self), "{\"rail_id\":\"r1\"}\n")
    }

    /// `GatewaysQuestion.stream` (the doc example) gives the CLI's `gateways --all --format jsonl` and
    /// `geojsonseq` bytes whatever the chunk size (a chunk's records do not depend on its neighbours); a
    /// question with a place is one document and refuses to stream (usage), writing nothing.
    func testStreamedGatewaysAreTheCLIsBytes() throws {
        let catalog = try Catalog.bundled()
        for (format, chunk) in [(AnswerStream.Format.jsonLines, 8192), (.jsonLines, 5), (.geoJSONSequence, 3)] {
            var text = [UInt8]()
            try GatewaysQuestion(place: nil).stream(from: catalog, format: format, chunkSize: chunk) { text += $0 }
            XCTAssertEqual(String(decoding: text, as: UTF8.self),
                           try CLIRunner.succeed(["gateways", "--all", "--format", format.rawValue]), "\(format) \(chunk)")
        }
        var text = [UInt8]()
        try GatewaysQuestion(place: nil).stream(from: catalog, format: .jsonLines) { text += $0 }
        // The doc example's first line: Upper Kairakty, Шалдуар nearest (DocExampleTests' 858,485.73 m).
        XCTAssertTrue(String(decoding: text, as: UTF8.self).hasPrefix(
            "{\"deposit_id\":\"kz-w-001\",\"deposit_name\":\"Verkhnee Kairaktinskoye (Upper Kairakty)\",\"gateways\":[{\"access_m\":35212.269647703,\"id\":\"osm-3729466654\",\"name\":\"Шалдуар\","))
        var written = 0
        XCTAssertThrowsError(try GatewaysQuestion(place: "kz-w-001").stream(from: catalog, format: .jsonLines) { written += $0.count }) {
            XCTAssertEqual(AnswerError($0).status, .usage)
        }
        XCTAssertEqual(written, 0)
    }
}
