@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// Kills `deposits import` at random moments: each time the store must pass `PRAGMA integrity_check` and
/// hold exactly the state before the import (or, if the kill came after the commit, exactly the new one),
/// and a reader opened while the importer runs must see one of those two states, never a mixture.
final class CrashTests: XCTestCase {
    func testKilledImportsLeaveTheStoreWhole() throws {
        guard let deposits = Self.executable("deposits") else {
            throw XCTSkip("the deposits executable is not built beside the tests; run swift build first")
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("catalog.gpkg").path
        // Two versions of the deposits, rail and stations layers: A as bundled, B with every name changed,
        // so a partly written import would show as a mixture.
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        let source = try bundledData()
        for (out, suffix) in [(a, ""), (b, " (B)")] {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            for layer in ["deposits", "rail", "stations"] {
                let bytes = try [UInt8](Data(contentsOf: source.appendingPathComponent("\(layer).geojson")))
                let features = try GeoJSON.features(parsing: bytes).map { f -> Feature in
                    var f = f
                    f.properties["name"] = .string((f.properties["name"]?.stringValue ?? "") + suffix)
                    return f
                }
                try GeoJSON.text(of: features).write(to: out.appendingPathComponent("\(layer).geojson"), atomically: true, encoding: .utf8)
            }
        }
        let timed = Date()
        XCTAssertEqual(try runProgram(deposits, ["import", a.path, "--into", store]).status, 0)
        let duration = Date().timeIntervalSince(timed)
        let states = [try Self.fingerprint(store)]
        XCTAssertEqual(try runProgram(deposits, ["import", b.path, "--into", store]).status, 0)
        let stateB = try Self.fingerprint(store)
        XCTAssertNotEqual(states[0], stateB)

        var random = SeededRandom(seed: 20)
        var current = stateB, killedMidway = 0, completed = 0, readsDuring = 0
        var rounds = 0
        while killedMidway < 20 && rounds < 60 {
            rounds += 1
            let (next, nextState) = current == stateB ? (a, states[0]) : (b, stateB)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: deposits)
            p.arguments = ["import", next.path, "--into", store]
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.02...(duration * 0.95), using: &random))
            if p.isRunning {
                // A reader while the writer works: it must see a whole state, and must not be locked out.
                let seen = try Self.fingerprint(store, access: .read)
                XCTAssertTrue(seen == current || seen == nextState, "a reader saw a mixture during round \(rounds)")
                readsDuring += 1
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let check = try CatalogStore(path: store, access: .write)
            XCTAssertEqual(try check.integrityCheck(), "ok", "round \(rounds)")
            let after = try Self.fingerprint(store)
            if after == current {
                killedMidway += 1
            } else if after == nextState {
                completed += 1
                current = nextState
            } else {
                XCTFail("round \(rounds): the store holds neither the state before the import nor the one after")
                break
            }
        }
        XCTAssertGreaterThanOrEqual(killedMidway, 20, "only \(killedMidway) kills landed during an import in \(rounds) rounds")
        print("crash test: \(rounds) kills, \(killedMidway) during the import (store unchanged), \(completed) after its commit, \(readsDuring) reads while writing; one import takes \(String(format: "%.2f", duration)) s")
    }

    /// Every row of the three layers (id, name, geometry bytes) and the R-tree sizes, hashed.
    static func fingerprint(_ path: String, access: CatalogStore.Access = .read) throws -> [String] {
        let store = try CatalogStore(path: path, access: access)
        return try store.db.snapshot { try fingerprint(store) }
    }

    private static func fingerprint(_ store: CatalogStore) throws -> [String] {
        var out = [String]()
        for layer in [StoreLayer.deposits, .rail, .stations] {
            var hasher = Hasher()
            let features = try store.allFeatures(layer)
            for f in features {
                hasher.combine(f.id)
                hasher.combine(f.properties["name"])
                hasher.combine(f.geometry)
            }
            let rtree = try store.db.integer("SELECT count(*) FROM \"rtree_\(layer.table)_geom\"") ?? -1
            out.append("\(layer.table) \(features.count) rtree \(rtree) \(hasher.finalize())")
        }
        return out
    }

    static func executable(_ name: String) -> String? {
        var directories = [Bundle.main.bundleURL, Bundle(for: CrashTests.self).bundleURL.deletingLastPathComponent()]
        if let runner = Bundle.main.executableURL { directories.insert(runner.deletingLastPathComponent(), at: 0) }
        return directories.map { $0.appendingPathComponent(name).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
