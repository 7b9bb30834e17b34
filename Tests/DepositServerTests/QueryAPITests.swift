import Foundation
import XCTest

/// The query API answers with exactly the bytes the CLI prints for the same question (`--format json`
/// or `geojson`): both go through DepositAnswers' one encoder. The CLI is run as a user would.
final class QueryAPITests: XCTestCase {
    private var running: ServerProcess?

    override func setUpWithError() throws { running = try ServerProcess() }

    override func tearDown() {
        if let s = running { XCTAssertEqual(s.stop().status, 0) }
        running = nil
        super.tearDown()
    }

    private var server: ServerProcess { get throws { try XCTUnwrap(running, "the server did not start") } }

    /// The `deposits` binary built beside this test bundle.
    static var cli: URL {
        ServerProcess.executable.deletingLastPathComponent().appendingPathComponent("deposits")
    }

    private func cliOutput(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = Self.cli
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testEachEndpointAnswersTheCLIsBytes() throws {
        // GeoJSON too for the first of each subcommand; JSON for all (each CLI run builds what it needs anew).
        let cases: [(String, [String])] = [
            ("/near-rail?place=Upper%20Kairakty", ["near-rail", "Upper Kairakty"]),
            ("/near-rail?place=48.683,73.283&k=3&max-km=200", ["near-rail", "48.683,73.283", "-k", "3", "--max-km", "200"]),
            ("/near-rail?place=%D0%92%D0%B5%D1%80%D1%85%D0%BD%D0%B5%D0%B5%20%D0%9A%D0%B0%D0%B9%D1%80%D0%B0%D0%BA%D1%82%D1%8B", ["near-rail", "Верхнее Кайракты"]),
            ("/at?place=48.683,73.283", ["at", "48.683,73.283"]),
            ("/at?place=48.683,73.283&radius-km=100&without=regions", ["at", "48.683,73.283", "--radius-km", "100", "--without", "regions"]),
            // The CLI reads no corridors layer then; the server's catalog has one, and leaves the gateways' corridors out alike.
            ("/at?place=48.683,73.283&without=corridors", ["at", "48.683,73.283", "--without", "corridors"]),
            ("/show?deposit=kz-w-001&without=corridors", ["show", "kz-w-001", "--without", "corridors"]),
            ("/show?deposit=Boguty", ["show", "Boguty"]),
            ("/corridor?corridor=Trans-Caspian", ["corridor", "Trans-Caspian"]),
            ("/corridor", ["corridor"]),
            ("/corridor?corridor=Trans-Caspian&width-km=20", ["corridor", "Trans-Caspian", "--width-km", "20"]),
            ("/region?place=KZ-ULT", ["region", "KZ-ULT"]),
            ("/region?place=Upper%20Kairakty", ["region", "Upper Kairakty"]),
            ("/list?commodity=W", ["list", "--commodity", "W"]),
            ("/route?from=Upper%20Kairakty&to=Kuryk", ["route", "Upper Kairakty", "Kuryk"]),
            ("/gateways?place=Upper%20Kairakty", ["gateways", "Upper Kairakty"]),
        ]
        let geoJSONToo: Set = ["/near-rail?place=Upper%20Kairakty", "/at?place=48.683,73.283", "/corridor?corridor=Trans-Caspian",
                               "/region?place=KZ-ULT", "/route?from=Upper%20Kairakty&to=Kuryk"]
        for (path, arguments) in cases {
            let formats = [("json", "application/json")] + (geoJSONToo.contains(path) ? [("geojson", "application/geo+json")] : [])
            for (format, type) in formats {
                let served = try RawHTTP.get(try server, path + (path.contains("?") ? "&" : "?") + "format=\(format)")
                XCTAssertEqual(served.status, 200, "\(path): \(served.text.prefix(300))")
                XCTAssertEqual(served.headers["content-type"], type, path)
                let printed = try cliOutput(arguments + ["--format", format])
                XCTAssertEqual(printed.status, 0, arguments.joined(separator: " "))
                XCTAssertEqual(served.text, printed.out, "\(path) differs from deposits \(arguments.joined(separator: " ")) --format \(format)")
            }
        }
        // The figures the README quotes: Upper Kairakty is 35.2 km from rail (35,212.27 m, the library's
        // doc example), 2,089.4 km from Kuryk by route.
        let near = try RawHTTP.get(try server, "/near-rail?place=Upper%20Kairakty").json()
        XCTAssertEqual(((near["results"] as? [[String: Any]])?.first?["distance_m"] as? Double) ?? 0, 35_212.27, accuracy: 0.01)
    }

    /// A survey sent as the body gets the report `deposits validate FILE --format json` prints for the
    /// same bytes, but for the file's name: the server calls the body "survey", the CLI names its path.
    func testValidateAnswersTheCLIsReport() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SurveyTests/Corpus")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two with errors (exit 3) and one with a warning only (exit 0), per Corpus/expected.json.
        for (name, status) in [("zigzag-five-crossings.geojson", 3), ("bowtie.geojson", 3), ("clockwise-shell.geojson", 0)] {
            let bytes = try Data(contentsOf: corpus.appendingPathComponent(name))
            let file = dir.appendingPathComponent("survey")
            try bytes.write(to: file)
            let served = try RawHTTP.post(try server, "/validate", body: bytes)
            XCTAssertEqual(served.status, 200, served.text)
            let printed = try cliOutput(["validate", file.path, "--format", "json"])
            XCTAssertEqual(printed.status, Int32(status), name)
            XCTAssertEqual(served.text, printed.out.replacingOccurrences(of: "\"\(file.path)", with: "\"survey"), name)
            XCTAssertTrue(printed.out.contains(file.path))
        }
    }

    func testBadQuestionsAreProblemsNamingTheParameter() throws {
        let cases: [(String, Int, String?)] = [
            ("/near-rail", 400, "place"),
            ("/near-rail?place=Upper%20Kairakty&k=0", 400, "k"),
            ("/near-rail?place=Upper%20Kairakty&max-km=-1", 400, "max-km"),
            ("/near-rail?place=Upper%20Kairakty&bogus=1", 400, "bogus"),
            ("/at?place=148.683,73.283", 400, "place"),
            ("/at?place=48.683,73.283&radius-km=30000", 400, "radius-km"),
            ("/at?place=48.683,73.283&without=rivers", 400, "without"),
            ("/corridor?corridor=Trans-Caspian&width-km=0", 400, "width-km"),
            ("/route?from=Upper%20Kairakty", 400, "to"),
            ("/route?from=Upper%20Kairakty&to=Kuryk&include=imaginary", 400, "include"),
            ("/route?from=Upper%20Kairakty&to=Kuryk&transit=Russia", 400, "transit"),
            ("/gateways?place=Upper%20Kairakty&tolerance-m=-5", 400, "tolerance-m"),
            // Numbers are decimal: Swift's Double() would take hex, and stop at a NUL byte.
            ("/corridor?corridor=Trans-Caspian&width-km=0x10", 400, "width-km"),
            ("/corridor?corridor=Trans-Caspian&width-km=5%00abc", 400, "width-km"),
            ("/collections/deposits/items?bbox=0x46,0x28,0x50,0x32", 400, "bbox"),
            ("/collections/deposits/items?bbox=70,40,80,50%00junk", 400, "bbox"),
            ("/collections/deposits/items?bbox=NaN,0,1,1", 400, "bbox"),
            // A numeric or boolean property filter that is no such value is a malformed parameter, not "none match".
            ("/collections/rail/items?gauge_mm=abc", 400, "gauge_mm"),
            ("/collections/rail/items?gauge_mm=1e999", 400, "gauge_mm"),
            ("/near-rail?place=Upper%20Kiarakty", 404, nil),
            ("/corridor?corridor=Nowhere", 404, nil),
        ]
        for (path, status, parameter) in cases {
            let r = try RawHTTP.get(try server, path)
            XCTAssertEqual(r.status, status, "\(path): \(r.text)")
            XCTAssertEqual(r.headers["content-type"], "application/problem+json", path)
            let named = (try r.json()["invalid-params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            XCTAssertEqual(named, parameter.map { [$0] } ?? [], path)
        }
        // The near-rail suggestion survives: a typo is answered with the name it resembles.
        XCTAssertTrue(try RawHTTP.get(try server, "/near-rail?place=Upper%20Kiarakty").text.contains("did you mean: Upper Kayrakty (kz-w-001)?"))
    }
}
