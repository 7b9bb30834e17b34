import DepositIndex
import XCTest

/// One rule for a duplicated key (issue 15): the last occurrence is what reads and what writes.
final class JSONObjectTests: XCTestCase {
    func testADuplicatedKeyReadsAndWritesItsLastOccurrence() throws {
        // {"id": "a", "name": "N", "id": "b"}: RFC 8259 §4 leaves duplicates to the reader; we read the last.
        var object = JSONObject([(key: "id", value: "a"), (key: "name", value: "N"), (key: "id", value: "b")])
        XCTAssertEqual(object["id"], "b")
        object["id"] = "c"
        XCTAssertEqual(object["id"], "c")
        // The key is left once, where its last occurrence was.
        XCTAssertEqual(object.keys, ["name", "id"])
        object["id"] = nil
        XCTAssertNil(object["id"], "removing a duplicated key removes every occurrence")
        XCTAssertEqual(object.keys, ["name"])
        object["status"] = "producing"
        XCTAssertEqual(object.keys, ["name", "status"])
    }
}
