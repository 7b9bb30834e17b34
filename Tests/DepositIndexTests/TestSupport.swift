import DepositIndex
import Foundation
import Geo
import XCTest

extension SeededRandom {
    /// A point uniform on the sphere: latitudes at every value, the poles included in the range.
    mutating func pointOnSphere() -> Coordinate {
        let z = Double.random(in: -1...1, using: &self)
        return Coordinate(longitude: Double.random(in: -180..<180, using: &self), latitude: asin(z) * 180 / .pi)
    }
}

/// The reference datasets: `tiny` lives in this repository (`Fixtures/reference-tiny`, a copy of
/// `../shared/reference/tiny`, so a clone alone checks it); the larger ones in `../shared/reference` beside
/// the repository. A missing shared dataset is a skip on a developer's machine and a failure under CI
/// (`CI` set), so a CI run cannot pass having checked nothing of it.
enum Reference {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static var sharedRoot: URL {
        // $DEPOSITS_REFERENCE overrides, for a copy of the tree built elsewhere.
        if let env = ProcessInfo.processInfo.environment["DEPOSITS_REFERENCE"], !env.isEmpty { return URL(fileURLWithPath: env) }
        // Tests/DepositIndexTests/TestSupport.swift -> repository -> its parent.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference")
    }

    /// Datasets kept in the repository, by name.
    static let inRepository = ["tiny": "reference-tiny"]

    static func directory(_ name: String) throws -> URL {
        if let fixture = inRepository[name] {
            return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(fixture)")
        }
        let url = sharedRoot.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("deposits.geojson").path) else {
            let message = "reference dataset \(url.path) is absent (it lives in ../shared/reference beside the repository)"
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" { throw Missing(description: message) }
            throw XCTSkip(message)
        }
        return url
    }

    static func json(_ dataset: String, _ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: try directory(dataset).appendingPathComponent(file))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Rows of points.csv: id, lat, lon, radius_km.
    static func points(_ dataset: String) throws -> [(id: String, point: Coordinate, radiusKm: Double)] {
        let text = try String(contentsOf: try directory(dataset).appendingPathComponent("points.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return (f[0], Coordinate(longitude: Double(f[2])!, latitude: Double(f[1])!), Double(f[3])!)
        }
    }
}

/// A temporary data directory with the given files, removed at the end of the test.
func temporaryDataDirectory(_ files: [String: String], _ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("deposits-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}
