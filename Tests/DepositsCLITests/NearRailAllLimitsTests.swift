import DepositAnswers
import DepositIndex
import Geo
import XCTest

/// `near-rail --all` with a large `-k`: the one-document form refuses what it could not hold, naming the
/// streamed formats; the streamed forms answer a chunk in parts, so what they hold stays bounded, and the
/// parts give the same bytes as one chunk.
final class NearRailAllLimitsTests: XCTestCase {
    /// A chunk answered one deposit at a time (`linesHeld` below `k`) or in parts of a few deposits gives
    /// the bytes of the whole chunk at once, in both streamed formats.
    func testAChunkAnsweredInPartsIsTheSameBytes() throws {
        let catalog = try Catalog.bundled()
        let question = NearRailForEveryDepositQuestion(k: 4, maxKm: 200)
        for format in [AnswerStream.Format.jsonLines, .geoJSONSequence] {
            func text(linesHeld: Int) throws -> [UInt8] {
                var text = [UInt8]()
                try question.stream(from: catalog, format: format, chunkSize: 20, linesHeld: linesHeld) { text += $0 }
                return text
            }
            let whole = try text(linesHeld: 1 << 20)
            // 54 bundled deposits, one record each in JSON Lines.
            if format == .jsonLines { XCTAssertEqual(whole.split(separator: UInt8(ascii: "\n")).count, 54) }
            XCTAssertEqual(try text(linesHeld: 0), whole, "\(format): one deposit a part")
            XCTAssertEqual(try text(linesHeld: 3), whole, "\(format): one deposit a part (fewer lines held than -k)")
            XCTAssertEqual(try text(linesHeld: 4 * 7), whole, "\(format): seven deposits a part, chunks of 20")
        }
    }

    /// 2,001 deposits × 1,000 lines at `-k 1000` could be 2,001,000 lines, over the 2,000,000 a document
    /// holds: refused (usage) before anything is measured, naming the streamed formats; a `-k` beyond the
    /// line count counts as the line count (the same refusal for -k 10^18).
    func testADocumentTooLargeIsRefused() throws {
        XCTAssertEqual(NearRailForEveryDepositQuestion.documentLineLimit, 2_000_000)
        let rail = (0..<1000).map { i in
            RailLine(id: "r\(i)", name: "r\(i)", geometry: .lineString([Coordinate(longitude: Double(i) * 0.01, latitude: 40),
                                                                         Coordinate(longitude: Double(i) * 0.01, latitude: 40.005)]))
        }
        let deposits = (0..<2001).map { i in
            Deposit(id: "d\(i)", name: "d\(i)", geometry: .point(Coordinate(longitude: Double(i % 100) * 0.1, latitude: 41)))
        }
        let catalog = Catalog(deposits: deposits, rail: rail)
        for k in [1000, 1_000_000_000_000_000_000] {
            XCTAssertThrowsError(try NearRailForEveryDepositQuestion(k: k).answer(catalog: catalog)) { error in
                XCTAssertEqual(AnswerError(error).status, .usage)
                XCTAssertTrue("\(error)".contains("up to 2001000 lines"), "\(error)")
                XCTAssertTrue("\(error)".contains("--format jsonl or geojsonseq"), "\(error)")
            }
        }
    }

    /// From the shell: the bundled catalog at a huge -k is small enough for one document (54 deposits ×
    /// its lines), and gives every line within --max-km, as -k 100000 does.
    func testAHugeKOnTheBundledDataIsOneDocument() throws {
        XCTAssertEqual(try CLIRunner.succeed(["near-rail", "--all", "-k", "40000000000000000", "--max-km", "30"]),
                       try CLIRunner.succeed(["near-rail", "--all", "-k", "100000", "--max-km", "30"]))
    }
}
