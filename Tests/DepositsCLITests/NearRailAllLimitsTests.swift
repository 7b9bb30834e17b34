@testable import DepositAnswers
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

    /// 2,001 deposits (points at 41°N) and 1,000 short lines (at 40°N, 0.01° of longitude apart): at
    /// `-k 1000` each located deposit would get every line, 2,001 × 1,000 = 2,001,000 lines, over the
    /// 2,000,000 a document holds.
    private static let crowded: Catalog = {
        let rail = (0..<1000).map { i in
            RailLine(id: "r\(i)", name: "r\(i)", geometry: .lineString([Coordinate(longitude: Double(i) * 0.01, latitude: 40),
                                                                         Coordinate(longitude: Double(i) * 0.01, latitude: 40.005)]))
        }
        let deposits = (0..<2001).map { i in
            Deposit(id: "d\(i)", name: "d\(i)", geometry: .point(Coordinate(longitude: Double(i % 100) * 0.1, latitude: 41)))
        }
        return Catalog(deposits: deposits, rail: rail)
    }()

    /// Without `--max-km` the count is known before anything is measured: refused (usage), with the
    /// largest `-k` that fits (2,000,000 / 2,001 = 999); a `-k` beyond the line count counts as the line
    /// count (the same refusal for -k 10^18, saying it is every line).
    func testADocumentTooLargeIsRefusedBeforeMeasuring() throws {
        XCTAssertEqual(NearRailForEveryDepositQuestion.documentLineLimit, 2_000_000)
        for k in [1000, 1_000_000_000_000_000_000] {
            XCTAssertThrowsError(try NearRailForEveryDepositQuestion(k: k).answer(catalog: Self.crowded)) { error in
                XCTAssertEqual(AnswerError(error).status, .usage)
                XCTAssertTrue("\(error)".contains("2001 located deposits is 2001 × 1000 lines"), "\(error)")
                XCTAssertEqual("\(error)".contains("(every line of the data)"), k > 1000, "\(error)")
                XCTAssertTrue("\(error)".contains("give -k 999 or less, --max-km, or --format jsonl or geojsonseq"), "\(error)")
            }
        }
    }

    /// With `--max-km` the lines within it are counted as they are found: 1 km from deposits 111 km
    /// from every line is an empty answer for each, accepted at any -k.
    func testAMaxKmAnswerIsCountedNotGuessed() throws {
        let answer = try NearRailForEveryDepositQuestion(k: 1_000_000, maxKm: 1).answer(catalog: Self.crowded)
        XCTAssertEqual(answer.results.count, 2001)
        XCTAssertTrue(answer.results.allSatisfy { $0.rail.isEmpty })
    }

    /// Counting: the bundled catalog at `-k 3` within 100 km has a known number of lines (counted here
    /// from the answer itself); a limit one under it throws the caller's error with the deposits measured
    /// (all 54: one part), the limit at it answers the same as no limit.
    func testTheCountedLimitThrowsAsSoonAsItIsPassed() throws {
        let catalog = try Catalog.bundled()
        let whole = try NearRailForEveryDeposit(catalog: catalog, k: 3, maxDistance: 100_000)
        let lines = whole.results.reduce(0) { $0 + $1.rail.count }
        XCTAssertGreaterThan(lines, 0)
        struct TooMany: Error { var measured: Int }
        XCTAssertThrowsError(try NearRailForEveryDeposit(catalog: catalog, k: 3, maxDistance: 100_000, lineLimit: lines - 1) { TooMany(measured: $0) }) {
            XCTAssertEqual(($0 as? TooMany)?.measured, 54)
        }
        let atLimit = try NearRailForEveryDeposit(catalog: catalog, k: 3, maxDistance: 100_000, lineLimit: lines) { TooMany(measured: $0) }
        XCTAssertEqual(try AnswerText.json(atLimit), try AnswerText.json(whole))
    }

    /// From the shell, with the crowded catalog as a data directory: refused with 64 and an existing
    /// `-o` file left as it was; within `--max-km 1` the same -k answers (one record per deposit).
    func testTheShellRefusesAndKeepsTheOutput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crowded-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func collection(_ features: [String]) -> String { "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}" }
        let catalog = Self.crowded
        try collection(catalog.rail.map { r in
            guard case .lineString(let cs) = r.geometry else { return "" }
            return "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(r.id)\",\"name\":\"\(r.name)\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(cs.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ","))]}}"
        }).write(to: directory.appendingPathComponent("rail.geojson"), atomically: true, encoding: .utf8)
        try collection(catalog.deposits.map { d in
            guard case .point(let c)? = d.geometry else { return "" }
            return "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(d.id)\",\"name\":\"\(d.name)\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(c.longitude),\(c.latitude)]}}"
        }).write(to: directory.appendingPathComponent("deposits.geojson"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("answer.json").path
        try "old\n".write(toFile: out, atomically: false, encoding: .utf8)
        let refused = try CLIRunner.run(["near-rail", "--all", "-k", "1000", "--data", directory.path, "--format", "json", "-o", out])
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("give -k 999 or less"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "old\n")
        let near = try CLIRunner.succeed(["near-rail", "--all", "-k", "1000", "--max-km", "1", "--data", directory.path, "--format", "jsonl"])
        XCTAssertEqual(near.split(separator: "\n").count, 2001)
    }

    /// From the shell: the bundled catalog at a huge -k is small enough for one document (54 deposits ×
    /// its lines), and gives every line within --max-km, as -k 100000 does.
    func testAHugeKOnTheBundledDataIsOneDocument() throws {
        XCTAssertEqual(try CLIRunner.succeed(["near-rail", "--all", "-k", "40000000000000000", "--max-km", "30"]),
                       try CLIRunner.succeed(["near-rail", "--all", "-k", "100000", "--max-km", "30"]))
    }
}
