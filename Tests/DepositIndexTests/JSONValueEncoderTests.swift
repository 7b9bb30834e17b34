@testable import DepositIndex
import Foundation
import XCTest

/// The one JSON path: `Encodable` → `JSONValue` → `JSONWriter`. Expected texts are what Foundation's
/// `JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` and `.convertToSnakeCase`
/// wrote for the same values (the CLI's answers before this change, byte for byte).
final class JSONValueEncoderTests: XCTestCase {
    private struct Answer: Encodable {
        var railId = "r/1"
        var distanceM = 35_212.27
        var overlapKm2 = 2.5e-5
        var nearest_rail: [Double] = [73.283, 48.683]
        var empty: [Int] = []
        var none: String? = nil
        var text = "a\u{8}b\u{C}c\u{1B}d\n"
    }

    func testAnswersAreWrittenAsFoundationWroteThem() throws {
        let tree = try JSONValueEncoder(snakeCaseKeys: true, sortedKeys: true).encode(Answer())
        XCTAssertEqual(JSONWriter(indent: 2).string(tree), """
            {
              "distance_m" : 35212.27,
              "empty" : [

              ],
              "nearest_rail" : [
                73.283,
                48.683
              ],
              "overlap_km2" : 2.5e-05,
              "rail_id" : "r/1",
              "text" : "a\\bb\\fc\\u001bd\\n"
            }
            """)
    }

    func testSnakeCaseFollowsFoundationsRule() {
        XCTAssertEqual(JSONValueEncoder.snakeCase("distanceM"), "distance_m")
        XCTAssertEqual(JSONValueEncoder.snakeCase("overlapKm2"), "overlap_km2")
        XCTAssertEqual(JSONValueEncoder.snakeCase("railID"), "rail_id")
        XCTAssertEqual(JSONValueEncoder.snakeCase("nearest_rail"), "nearest_rail")
        XCTAssertEqual(JSONValueEncoder.snakeCase("URLPath"), "url_path")
    }

    func testNonFiniteNumbersAreRefusedOrWrittenAsStrings() throws {
        struct Bad: Encodable { var radius = Double.infinity }
        XCTAssertThrowsError(try JSONValueEncoder().encode(Bad())) { error in
            XCTAssertTrue("\(error)".contains("radius"), "\(error)")
        }
        XCTAssertEqual(try JSONValueEncoder(nonFinite: .strings).encode(Bad()), .object(["radius": "Infinity"]))
    }

    func testWholeNumbersBelow10To16AreIntegers() {
        XCTAssertEqual(JSONWriter.format(1e15), "1000000000000000")
        XCTAssertEqual(JSONWriter.format(1e16), "1e+16")
        XCTAssertEqual(JSONWriter.format(1000), "1000")
    }

    /// `writeNumber` (records' numbers written as bytes, from the stack) is `format`'s text for every kind
    /// of number: 100,000 seeded doubles at every scale, both signs of 0, whole numbers either side of
    /// 10^16, subnormals and the non-finite.
    func testWriteNumberIsFormatsBytes() {
        var rng = SeededRandom(seed: 16)
        var values: [Double] = [0, -0.0, 1, -1, 1e15, 1e16, -1e16, 0.1, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                84.83142588296299, -179.40169466700704, .nan, .infinity, -.infinity]
        for _ in 0..<100_000 {
            let scale = Double.random(in: -320...308, using: &rng)
            values.append(Double.random(in: -1...1, using: &rng) * Foundation.pow(10, scale))
        }
        for d in values {
            var out: [UInt8] = [0x5B]
            JSONWriter.writeNumber(d, into: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "[" + JSONWriter.format(d), "\(d.bitPattern)")
        }
    }
}
