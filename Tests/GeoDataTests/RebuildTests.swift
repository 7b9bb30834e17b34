import Foundation
import XCTest

/// Rebuilding GeoData/ from the raw sources gives the committed bytes.
final class RebuildTests: XCTestCase {
    func testRebuildReproducesTheCommittedFiles() throws {
        let root = GeoDataFiles.packageRoot
        let raw = root.deletingLastPathComponent().appendingPathComponent("shared/data/raw")
        guard FileManager.default.fileExists(atPath: raw.path) else {
            throw XCTSkip("the raw sources are not at \(raw.path) (../shared/data/raw from the package root); cannot rebuild GeoData/ here")
        }
        // The builder is this package's BuildGeoData executable, built beside the test bundle.
        // On Linux the test runner is itself an executable in the products directory; on macOS it loads an
        // .xctest bundle from there.
        var directories = [Bundle.main.bundleURL, Bundle(for: RebuildTests.self).bundleURL.deletingLastPathComponent()]
        if let runner = Bundle.main.executableURL { directories.insert(runner.deletingLastPathComponent(), at: 0) }
        let candidates = directories.map { $0.appendingPathComponent("BuildGeoData") }
        guard let builder = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("BuildGeoData is not built next to the tests (looked in \(candidates.map(\.path))); run swift build first")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("geodata-rebuild-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = builder
        process.currentDirectoryURL = root
        process.arguments = ["--raw", raw.path, "--out", out.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)

        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(written, ["build-report.md"] + GeoDataFiles.layerNames.sorted().map { "\($0).geojson" })
        for name in written {
            let rebuilt = FileManager.default.contents(atPath: out.appendingPathComponent(name).path)
            let committed = FileManager.default.contents(atPath: GeoDataFiles.directory.appendingPathComponent(name).path)
            XCTAssertNotNil(committed, "\(name) is not committed in GeoData/")
            XCTAssertTrue(rebuilt == committed, "\(name): rebuilt bytes differ from the committed file")
        }
    }
}
