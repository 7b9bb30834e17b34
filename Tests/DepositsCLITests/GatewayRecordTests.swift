@testable import DepositAnswers
@testable import DepositIndex
import XCTest

/// The JSON Lines record of `gateways --all` written straight from the values (`GatewayRecord`) is byte for
/// byte what the general encoder (`AnswerStream.jsonLine`, the same encoder as `--format json`) makes of it.
final class GatewayRecordTests: XCTestCase {
    /// Every bundled deposit (reaching every gateway, some, or none for want of a location), over operating
    /// lines and with every status and transit through Russia.
    func testEveryBundledRecordIsTheEncodersBytes() throws {
        let catalog = try Catalog.bundled()
        for (statuses, transit) in [([String](), [String]()), (["under_construction", "planned"], ["RU"])] {
            let network = try RailNetwork(catalog: catalog, toleranceM: 100, include: LineStatuses(parsing: statuses))
            let rules = try BorderRules(network: network, catalog: catalog, transit: transit)
            let all = try network.gatewayDistances(catalog: catalog, rules: rules)
            XCTAssertTrue(all.contains { $0.unreachable != nil } && all.contains { d in d.gateways.contains { $0.totalM == nil } && d.unreachable == nil })
            for d in all {
                XCTAssertEqual(String(decoding: try GatewayRecord.jsonLine(d), as: UTF8.self),
                               String(decoding: try AnswerStream.jsonLine(d), as: UTF8.self), d.depositId)
            }
        }
    }

    /// Names that need escaping, no gateways, whole and tiny numbers; a NaN is refused as the encoder refuses it.
    func testEscapesAbsentMembersAndNumbers() throws {
        var d = DepositGatewayDistances(depositId: "d\\1", depositName: "Name \"q\" \u{1B}[31m\n", gateways: [
            .init(id: "g\"1", name: "Ақадыр\u{1}\t", accessM: 0, railM: 1e-20, totalM: 1234.5678901234567),
            .init(id: "g2", name: "", accessM: nil, railM: nil, totalM: nil),
        ], unreachable: nil)
        XCTAssertEqual(try GatewayRecord.jsonLine(d), try AnswerStream.jsonLine(d))
        let none = DepositGatewayDistances(depositId: "x", depositName: "", gateways: [], unreachable: "the deposit has no published location")
        XCTAssertEqual(try GatewayRecord.jsonLine(none), try AnswerStream.jsonLine(none))
        d.gateways[0].railM = .nan
        XCTAssertThrowsError(try GatewayRecord.jsonLine(d)) { XCTAssertTrue("\($0)".contains("gateways.0.rail_m"), "\($0)") }
        XCTAssertThrowsError(try AnswerStream.jsonLine(d))
    }

    /// The `gateways --all` document written a result at a time (`PiecewiseJSON`) is the bytes of the whole
    /// tree through the one encoder and writer, with its members before and after `results` (`borders_checked`,
    /// `lines`, `query`; `transit`), for the bundled answer, with transit countries, and with no deposits.
    func testThePiecewiseDocumentIsTheWholeTreesBytes() throws {
        let catalog = try Catalog.bundled()
        func tree(_ answer: any CommandAnswer) throws -> String {
            JSONWriter(indent: 2).string(try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(answer))
        }
        for transit in [[String](), ["RU", "UZ"]] {
            let answer = try XCTUnwrap(try GatewaysQuestion(place: nil, transit: transit).answer(catalog: catalog) as? GatewaysForEveryDeposit)
            XCTAssertEqual(try AnswerText.json(answer), try tree(answer))
            XCTAssertTrue(try AnswerText.json(answer).hasPrefix("{\n  \"borders_checked\" : true,\n  \"lines\" : [\n    \"operating\"\n  ],\n  \"query\" : {"))
            var empty = answer
            empty.results = []
            XCTAssertEqual(try AnswerText.json(empty), try tree(empty))
        }
    }
}
