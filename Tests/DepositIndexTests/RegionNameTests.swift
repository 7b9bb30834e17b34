import DepositIndex
import XCTest

/// Region names as people write them, with the generic word of their language (bundled data: Karagandy is
/// KZ-KAR, name_ru "Карагандинская", name_kk "Қарағанды").
final class RegionNameTests: XCTestCase {
    func testTheGenericWordIsDroppedOnlyWhenNeeded() throws {
        let catalog = try Catalog.bundled()
        for text in ["Karagandy", "Karagandy region", "Карагандинская область", "KZ-KAR"] {
            XCTAssertEqual(catalog.regions(matching: text).map(\.id), ["KZ-KAR"], text)
        }
        XCTAssertEqual(catalog.regions(matching: "region").map(\.id), [], "a generic word alone names nothing")
    }
}
