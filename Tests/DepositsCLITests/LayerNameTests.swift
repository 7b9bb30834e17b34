@testable import deposits
import DepositAnswers
import DepositIndex
import XCTest

/// The layer names the CLI takes (`export --layer`, `--without`) and the store's layers are the GeoData
/// files' names, each one layer of `Catalog.Layers`.
final class LayerNameTests: XCTestCase {
    func testEveryLayerNameIsOneCatalogLayer() {
        let single: Set<Int> = [1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5]
        for layer in StoreLayer.allCases { XCTAssertTrue(single.contains(layer.catalogLayer.rawValue), layer.rawValue) }
        for layer in ExportQuestion.Layer.allCases { XCTAssertTrue(single.contains(layer.layer.rawValue), layer.rawValue) }
        for layer in LayerOmissions.Layer.allCases { XCTAssertTrue(single.contains(layer.layer.rawValue), layer.rawValue) }
        XCTAssertEqual(Catalog.Layers(name: "regions"), .regions)
        XCTAssertNil(Catalog.Layers(name: "region"))
    }
}
