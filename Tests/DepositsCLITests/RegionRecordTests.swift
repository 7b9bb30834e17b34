@testable import DepositAnswers
@testable import DepositIndex
import Geo
import XCTest

/// The JSON Lines record of `region --all` written straight from the values (`RegionRecord`) is byte for
/// byte what the general encoder (`AnswerStream.jsonLine`, the same encoder as `--format json`) makes of
/// the answer.
final class RegionRecordTests: XCTestCase {
    /// Every located bundled deposit.
    func testEveryBundledAnswerIsTheEncodersBytes() throws {
        let catalog = try Catalog.bundled()
        for d in catalog.deposits where d.geometry != nil {
            let answer = RegionAnswer(deposit: d, shares: try catalog.regionShares(of: d))
            XCTAssertEqual(String(decoding: try RegionRecord.jsonLine(answer), as: UTF8.self),
                           String(decoding: try AnswerStream.jsonLine(answer), as: UTF8.self), d.id)
        }
    }

    /// Names that need escaping, several regions on a border, none at all, shares that are not whole;
    /// a NaN is refused as the encoder refuses it; a region's own answer goes through the encoder.
    func testEscapesSeveralRegionsAndNumbers() throws {
        let deposit = Deposit(id: "d\\\"1", name: "x", geometry: nil)
        let shares = RegionShares(depositId: deposit.id, regions: [
            RegionShare(id: "KZ-\u{1}", name: "Қарағанды \"q\"\n", share: 0.6738089575513528, onBoundary: true),
            RegionShare(id: "B", name: "", share: 1e-10, onBoundary: false),
        ], outsideShare: 0.32619104244864716)
        let answer = RegionAnswer(deposit: deposit, shares: shares)
        XCTAssertEqual(String(decoding: try RegionRecord.jsonLine(answer), as: UTF8.self),
                       String(decoding: try AnswerStream.jsonLine(answer), as: UTF8.self))
        let none = RegionAnswer(deposit: deposit, shares: RegionShares(depositId: deposit.id, regions: [], outsideShare: 1))
        XCTAssertEqual(try RegionRecord.jsonLine(none), try AnswerStream.jsonLine(none))
        var bad = shares
        bad.regions[1].share = .nan
        XCTAssertThrowsError(try RegionRecord.jsonLine(RegionAnswer(deposit: deposit, shares: bad))) { XCTAssertTrue("\($0)".contains("regions.1.share"), "\($0)") }
        let region = try RegionAnswer(catalog: Catalog.bundled(), subject: "KZ-ULT")
        XCTAssertEqual(try RegionRecord.jsonLine(region), try AnswerStream.jsonLine(region))
    }
}
