@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// A store and a catalog as `DepositChunkSource`s: the deposits come a chunk at a time in the source's
/// order, every one once, with the other layers read whole; a store lacking the rail layer is refused.
final class DepositChunkTests: XCTestCase {
    /// The bundled data's deposits in chunks of 7: the store's fid order is the file's order, the chunks
    /// are full but the last, and the records equal the catalog's (the same rows the loader made).
    func testAStoreHandsOutItsDepositsInFidOrder() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try bundledStore(in: dir).path
        let full = try Catalog(directory: try bundledData())
        let store = try CatalogStore(path: path, access: .read)
        var sizes = [Int](), read = [Deposit](), started = 0
        try store.forEachDepositChunk(size: 7, reading: [.rail, .stations], start: { catalog in
            started += 1
            XCTAssertEqual(catalog.rail.count, full.rail.count)
            XCTAssertEqual(catalog.stations.count, full.stations.count)
            XCTAssertTrue(catalog.deposits.isEmpty)
            XCTAssertTrue(catalog.presentLayers.contains(.deposits))
            XCTAssertTrue(catalog.regions.isEmpty, "only the layers asked for are read")
        }) { chunk in
            sizes.append(chunk.count)
            read += chunk
        }
        XCTAssertEqual(started, 1)
        XCTAssertEqual(read.map(\.id), full.deposits.map(\.id))
        XCTAssertEqual(read.map(\.geometry), full.deposits.map(\.geometry))
        let n = full.deposits.count
        XCTAssertEqual(sizes, Array(repeating: 7, count: n / 7) + (n % 7 == 0 ? [] : [n % 7]))
        // The batch answer on a chunk equals the engine's answer on the whole catalog.
        var rail: Catalog?
        try store.forEachDepositChunk(size: 10, reading: [.rail, .stations], start: { rail = $0 }) { chunk in
            let answers = try XCTUnwrap(rail).nearestRail(for: chunk, k: 2)
            XCTAssertEqual(answers, try full.nearestRail(forDeposits: chunk.map(\.id), k: 2))
        }
    }

    /// Without properties a store reads each deposit's id, name and geometry alone (the bundled deposits
    /// have aliases and commodities to leave out), and the nearest rail of those deposits is the answer
    /// for the whole ones.
    func testAStoreReadsIdNameAndGeometryAloneWithoutProperties() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try bundledStore(in: dir).path
        let full = try Catalog(directory: try bundledData())
        XCTAssertTrue(full.deposits.contains { !$0.aliases.isEmpty } && full.deposits.contains { !$0.commodities.isEmpty })
        var rail: Catalog?, lean = [Deposit]()
        try CatalogStore(path: path, access: .read).forEachDepositChunk(size: 9, reading: [.rail, .stations], properties: false,
                                                                        start: { rail = $0 }) { chunk in
            XCTAssertEqual(try XCTUnwrap(rail).nearestRail(for: chunk, k: 2), try full.nearestRail(forDeposits: chunk.map(\.id), k: 2))
            lean += chunk
        }
        XCTAssertEqual(lean.map(\.id), full.deposits.map(\.id))
        XCTAssertEqual(lean.map(\.name), full.deposits.map(\.name))
        XCTAssertEqual(lean.map(\.geometry), full.deposits.map(\.geometry))
        for d in lean {
            XCTAssertTrue(d.aliases.isEmpty && d.commodities.isEmpty && d.status == nil && d.source == nil, d.id)
            XCTAssertEqual(d.properties.keys.filter { $0 != "name" }, [], d.id)
        }
    }

    /// A catalog's chunks are its deposits in order; `start` gets the catalog itself.
    func testACatalogHandsOutItsOwnDeposits() throws {
        let full = try Catalog(directory: try bundledData())
        var read = [String]()
        try full.forEachDepositChunk(size: 100, reading: [.rail], start: { XCTAssertEqual($0.deposits.count, full.deposits.count) }) {
            read += $0.map(\.id)
        }
        XCTAssertEqual(read, full.deposits.map(\.id))
    }

    /// The batch answers deposits along a Hilbert curve and hands them back in the order given: the
    /// order is a permutation, deposits without a location first, neighbours on the map next to each
    /// other (Upper Kairakty and a copy 100 m east of it, among the bundled deposits).
    func testHilbertOrderIsAPermutationKeepingNeighboursTogether() throws {
        let full = try Catalog(directory: try bundledData())
        var deposits = full.deposits
        let kairakty = try XCTUnwrap(deposits.first { $0.id == "kz-w-001" })
        deposits.append(Deposit(id: "near", name: "near", geometry: kairakty.geometry?.mapCoordinates {
            Coordinate(longitude: $0.longitude + 0.001, latitude: $0.latitude) }))
        let order = Catalog.hilbertOrder(deposits)
        XCTAssertEqual(order.sorted(), Array(deposits.indices))
        let unlocated = deposits.indices.filter { deposits[$0].geometry == nil }
        XCTAssertEqual(Array(order.prefix(unlocated.count)), unlocated)
        let a = try XCTUnwrap(order.firstIndex(of: deposits.count - 1)), b = try XCTUnwrap(order.firstIndex { deposits[$0].id == "kz-w-001" })
        XCTAssertEqual(abs(a - b), 1)
        XCTAssertEqual(try full.nearestRail(for: deposits.suffix(1)).first?.depositId, "near")
    }
}
