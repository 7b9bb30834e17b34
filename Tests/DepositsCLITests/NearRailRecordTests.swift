@testable import DepositAnswers
@testable import DepositIndex
import Geo
import XCTest

/// The JSON Lines record written straight from the values (`NearRailRecord`) is byte for byte what the
/// general encoder (`AnswerStream.jsonLine`, the same encoder as `--format json`) makes of the answer.
final class NearRailRecordTests: XCTestCase {
    /// Every bundled deposit at k = 3 (with and without a station, located or not).
    func testEveryBundledAnswerIsTheEncodersBytes() throws {
        let catalog = try Catalog.bundled()
        for answer in try catalog.nearestRail(forDeposits: nil, k: 3) {
            XCTAssertEqual(String(decoding: try NearRailRecord.jsonLine(answer), as: UTF8.self),
                           String(decoding: try AnswerStream.jsonLine(answer), as: UTF8.self), answer.depositId)
        }
    }

    /// Names that need escaping (quotes, backslashes, controls, other scripts), no station, a station
    /// without a kind, negative and whole numbers; a NaN is refused as the encoder refuses it.
    func testEscapesAbsentMembersAndNumbers() throws {
        let station = StationDistance(id: "s\"1", name: "Ақадыр\u{1}\t", kind: nil, distanceM: 12, location: Coordinate(x: -179.5, y: -0.25))
        let answer = DepositRail(depositId: "d\\1", depositName: "Name \"q\" \u{1B}[31m\n", rail: [
            RailDistance(railId: "r1", railName: "Сәкен", distanceM: 0, railPoint: Coordinate(x: 1e-7, y: 90), fromPoint: Coordinate(x: 180, y: -90), station: nil),
            RailDistance(railId: "r2", railName: "", distanceM: 1234.5678901234567, railPoint: Coordinate(x: 0.1, y: 0.2),
                         fromPoint: Coordinate(x: -0.3, y: 1e-20), station: station),
        ])
        XCTAssertEqual(String(decoding: try NearRailRecord.jsonLine(answer), as: UTF8.self),
                       String(decoding: try AnswerStream.jsonLine(answer), as: UTF8.self))
        let empty = DepositRail(depositId: "x", depositName: "", rail: [])
        XCTAssertEqual(try NearRailRecord.jsonLine(empty), try AnswerStream.jsonLine(empty))
        var bad = answer
        bad.rail[1].distanceM = .nan
        XCTAssertThrowsError(try NearRailRecord.jsonLine(bad)) { XCTAssertTrue("\($0)".contains("rail.1.distance_m"), "\($0)") }
        XCTAssertThrowsError(try AnswerStream.jsonLine(bad))
    }

    /// The `--all` document written a result at a time (`PiecewiseJSON`) is the bytes of the whole tree
    /// through the one encoder and writer, for the bundled answer at k = 2 and for an empty one.
    func testThePiecewiseDocumentIsTheWholeTreesBytes() throws {
        let catalog = try Catalog.bundled()
        func tree(_ answer: NearRailForEveryDeposit) throws -> String {
            JSONWriter(indent: 2).string(try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(answer))
        }
        let answer = try NearRailForEveryDeposit(catalog: catalog, k: 2, maxDistance: .infinity)
        XCTAssertEqual(try AnswerText.json(answer), try tree(answer))
        XCTAssertTrue(try AnswerText.json(answer).hasPrefix("{\n  \"query\" : {\n    \"all_deposits\" : true\n  },\n  \"results\" : [\n    {\n      \"deposit_id\" : "))
        var empty = answer
        empty.results = []
        XCTAssertEqual(try AnswerText.json(empty), try tree(empty))
    }
}
