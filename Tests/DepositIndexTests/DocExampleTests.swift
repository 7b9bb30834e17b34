import DepositIndex
import Foundation
import XCTest

/// Every example in a doc comment of `DepositIndex`, run as written against the bundled data (from the
/// package root, as the examples' relative paths assume), so an example cannot name an id or a call
/// that does not exist. Expected numbers: README's real runs (Upper Kairakty 35,212.27 m to
/// rail-ne-13309).
final class DocExampleTests: XCTestCase {
    private var previousDirectory = ""
    private var scratch: URL!

    override func setUpWithError() throws {
        previousDirectory = FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(root.path))
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(previousDirectory)
        try? FileManager.default.removeItem(at: scratch)
    }

    /// `Catalog` and `Catalog.nearestRail(to:k:maxDistance:)`.
    func testCatalogAndNearestRail() throws {
        let catalog = try Catalog.bundled()
        let answer = try catalog.nearestRail(to: .deposit("kz-w-001"), k: 1)
        XCTAssertEqual(answer[0].railId, "rail-ne-13309")
        XCTAssertEqual(answer[0].distanceM, 35_212.27, accuracy: 0.005)
        let near = try catalog.nearestRail(to: .deposit("kz-w-001"))
        XCTAssertEqual(near[0].railName, "Сәкен Сейфуллин – Ақадыр теміржол вокзалы")
    }

    /// `RailNetwork` and `RailNetwork.shortestPath(from:to:)`: Aktogay to Dostyk (NetworkTests measures it).
    func testRailNetwork() throws {
        let network = try RailNetwork(catalog: Catalog.bundled(), toleranceM: 100)
        let from = network.node(ofStation: "osm-4020137341")!   // Aqtoğay
        let to = network.node(ofStation: "osm-4025083258")!     // Dostıq
        XCTAssertEqual(try XCTUnwrap(network.shortestPath(from: from, to: to)?.lengthM), 304_751.18, accuracy: 0.005)
    }

    /// `Catalog.init(directory:layers:)` and `Catalog.deposits(matching:)`.
    func testLayersAndNameLookUp() throws {
        let catalog = try Catalog(directory: URL(fileURLWithPath: "GeoData"), layers: [.stations])
        XCTAssertEqual(catalog.presentLayers, [.deposits, .rail, .stations])
        XCTAssertEqual(catalog.deposits(matching: "Верхнее Кайракты").map(\.id), ["kz-w-001"])
    }

    /// `CatalogStore` and `StoreRequest`.
    func testStoreExamples() throws {
        let path = scratch.appendingPathComponent("catalog.gpkg").path
        let store = try CatalogStore(path: path, access: .create)
        try store.importData(from: [URL(fileURLWithPath: "GeoData")])
        var request = StoreRequest()
        request.deposits = ["kz-w-001"]
        request.nearestRail = 1
        let answer = try store.catalog(for: request).nearestRail(to: .deposit("kz-w-001"))
        XCTAssertEqual(answer[0].railId, "rail-ne-13309")
        XCTAssertEqual(answer[0].distanceM, 35_212.27, accuracy: 0.005)

        var byName = StoreRequest()
        byName.deposits = ["Upper Kairakty"]
        byName.nearestRail = 1
        let catalog = try store.catalog(for: byName)
        XCTAssertEqual(try catalog.nearestRail(to: .deposit(catalog.deposits[0].id)).first?.railId, "rail-ne-13309")
    }

    /// `DepositChunkSource` on a catalog and a store, and `Catalog.nearestRail(for:)`.
    func testDepositChunkExamples() throws {
        let catalog = try Catalog.bundled()
        var answered = 0
        try catalog.forEachDepositChunk(size: 100, reading: [.rail, .stations], start: { _ in }) { chunk in
            answered += try catalog.nearestRail(for: chunk).count
        }
        XCTAssertEqual(answered, catalog.deposits.count)
        XCTAssertEqual(try catalog.nearestRail(for: catalog.deposits.prefix(10)).count, 10)

        let path = scratch.appendingPathComponent("catalog.gpkg").path
        try CatalogStore(path: path, access: .create).importData(from: [URL(fileURLWithPath: "GeoData")])
        let store = try CatalogStore(path: path, access: .read)
        var rail: Catalog?, answers = [DepositRail]()
        try store.forEachDepositChunk(size: 4096, reading: [.rail, .stations], start: { rail = $0 }) { chunk in
            answers += try rail!.nearestRail(for: chunk)
        }
        XCTAssertEqual(answers[0].depositId, "kz-w-001")
        XCTAssertEqual(answers[0].rail[0].railId, "rail-ne-13309")
        XCTAssertEqual(answers[0].rail[0].distanceM, 35_212.27, accuracy: 0.005)
    }

    /// `SurveyValidator`, `SurveyRepair`, `InputFile`, `OutputFile` and `OutputTarget`.
    func testSurveyAndFileExamples() throws {
        let validator = SurveyValidator(catalog: try Catalog.bundled())
        let report = validator.validate(files: [URL(fileURLWithPath: "GeoData/surveys/example-upper-kairakty-blocks.geojson")])
        XCTAssertFalse(report.hasErrors, report.table())

        let input = URL(fileURLWithPath: "GeoData/surveys/example-upper-kairakty-blocks.geojson")
        let repaired = scratch.appendingPathComponent("repaired.geojson")
        let result = try SurveyRepair().repair(files: [input], crs: nil, to: repaired)
        XCTAssertFalse(result.table().isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repaired.path))

        let bytes = try InputFile.read(URL(fileURLWithPath: "GeoData/deposits.geojson"))
        XCTAssertGreaterThan(bytes.count, 0)

        let catalog = try Catalog.bundled()
        let out = scratch.appendingPathComponent("tungsten.geojson").path
        try OutputFile.write(Array("{}".utf8), to: out, inputs: catalog.layerFiles)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "{}")
        XCTAssertThrowsError(try OutputFile.write(Array("{}".utf8), to: "GeoData/deposits.geojson", inputs: catalog.layerFiles))
        XCTAssertEqual(try OutputTarget(path: "-"), .standardOutput)
    }

    /// `RailNetwork.route(from:to:catalog:)`: Upper Kairakty to Aqtoğay, as README's "Routes" run.
    func testRouteExample() throws {
        let catalog = try Catalog.bundled()
        let network = try RailNetwork(catalog: catalog, toleranceM: 100)
        let route = try network.route(from: .deposit("kz-w-001"), to: .station("osm-4020137341"), catalog: catalog)
        XCTAssertEqual(route.from.accessM, 35_212.27, accuracy: 0.01)
        XCTAssertEqual(route.railM, 727_800.18, accuracy: 0.01)
    }

    /// `RailNetwork.gateways(from:catalog:rules:)` and `LineStatuses(parsing:)`: Upper Kairakty's nearest
    /// gateway by rail on the bundled data: the crossing into Kyrgyzstan (issue 12's gateways), then Dostyk into China
    /// further down the list (values measured December 2026 on GeoData as built from ../shared/data/raw).
    func testGatewaysExample() throws {
        let catalog = try Catalog.bundled()
        let network = try RailNetwork(catalog: catalog, toleranceM: 100)
        let ranked = try network.gateways(from: .deposit("kz-w-001"), catalog: catalog, rules: BorderRules(network: network, catalog: catalog))
        XCTAssertEqual(ranked[0].name, "Шалдуар")
        XCTAssertEqual(try XCTUnwrap(ranked[0].route).totalM, 858_485.73, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(ranked[0].route).railM, 823_273.46, accuracy: 0.01)
        let dostyk = try XCTUnwrap(ranked.first { $0.stationId == "osm-4025083258" }?.route)
        XCTAssertEqual(dostyk.totalM, 1_056_829.48, accuracy: 0.01)
        XCTAssertEqual(dostyk.railM, 1_021_617.21, accuracy: 0.01)
        let statuses = try LineStatuses(parsing: ["under_construction"])
        XCTAssertEqual(statuses, [.operating, .underConstruction])
    }

    /// `Catalog.regionShares(of:)` for a `Deposit` and `regionShares(for:)` (GeoData/README.md: kz-w-001
    /// lies in Karagandy; 19 of the 54 deposits are located).
    func testRegionShareExamples() throws {
        let catalog = try Catalog.bundled()
        XCTAssertEqual(try catalog.regionShares(of: catalog.deposits[0]).regions[0].id, "KZ-KAR")
        let shares = try catalog.regionShares(for: catalog.deposits)
        XCTAssertEqual(shares.count, 54)
        XCTAssertEqual(shares.filter { $0 == nil }.count, 35)
    }

    /// `GatewayDistances`: the searches from every gateway made once, Upper Kairakty's distances read off
    /// them equal to its ranked routes above (`gateways(from:)`, same values) and to the catalog-wide batch.
    func testGatewayDistancesExample() throws {
        let catalog = try Catalog.bundled()
        let network = try RailNetwork(catalog: catalog, toleranceM: 100)
        let rules = try BorderRules(network: network, catalog: catalog)
        let all = try GatewayDistances(network: network, catalog: catalog, rules: rules)
        let d = all.distances(of: try XCTUnwrap(catalog.deposit(id: "kz-w-001")))
        XCTAssertEqual(d.gateways[0].name, "Шалдуар")
        XCTAssertEqual(try XCTUnwrap(d.gateways[0].totalM), 858_485.73, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(d.gateways[0].accessM), 35_212.27, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(d.gateways[0].railM), 823_273.46, accuracy: 0.01)
        XCTAssertEqual(all.gateways.map(\.id), catalog.stations.filter { $0.gateway != nil }.map(\.id))
        // A chunk of deposits read off the same searches gives the catalog-wide answer's entries.
        let batch = try network.gatewayDistances(catalog: catalog, rules: rules)
        XCTAssertEqual(all.distances(for: Array(catalog.deposits[10..<20])), Array(batch[10..<20]))
    }

    /// `SeededRandom` and `TerminalText`.
    func testSupportExamples() {
        var rng = SeededRandom(seed: 42)
        let longitude = Double.random(in: -180..<180, using: &rng)
        XCTAssertTrue((-180..<180).contains(longitude))
        XCTAssertEqual(TerminalText.escaped("Kairakty\u{1B}[31m\n"), "Kairakty\\u{1B}[31m\\n")
    }
}
