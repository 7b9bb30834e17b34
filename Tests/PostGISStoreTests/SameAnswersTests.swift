import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation
import Geo
import XCTest

/// The same questions answered from GeoJSON, from a GeoPackage store and from PostGIS give the same
/// bytes. The expected answers are the GeoJSON path's (the reference: the whole catalog in memory, no
/// candidate windows), so any window that lost a candidate, any value the database changed on the way
/// in or out, shows as a difference.
final class SameAnswersTests: XCTestCase {
    /// One question: how to ask a store (what to read) and how to answer from a catalog.
    struct Question {
        var label: String
        var request: () throws -> StoreRequest
        var answer: (Catalog) throws -> String
    }

    static func nearRail(_ place: String, k: Int = 1, maxKm: Double? = nil) -> Question {
        let q = NearRailQuestion(place: place, k: k, maxKm: maxKm)
        return Question(label: "near-rail \(place) k=\(k) max-km=\(maxKm.map { "\($0)" } ?? "-")", request: { try q.storeRequest() },
                        answer: { try AnswerText.json(try q.answer(catalog: $0)) })
    }

    static func at(_ place: String, radiusKm: Double = 50, omit: [LayerOmissions.Layer] = []) -> Question {
        let q = AtQuestion(place: place, radiusKm: radiusKm, omissions: LayerOmissions(omit))
        return Question(label: "at \(place) radius \(radiusKm) without \(omit.map(\.rawValue))", request: { try q.storeRequest() },
                        answer: { try AnswerText.json(try q.answer(catalog: $0)) })
    }

    static func region(_ subject: String) -> Question {
        let q = RegionQuestion(subject: subject)
        return Question(label: "region \(subject)", request: { try q.storeRequest() }, answer: { try AnswerText.json(try q.answer(catalog: $0)) })
    }

    static func corridor(_ name: String?, widthKm: Double? = nil) -> Question {
        let q = CorridorQuestion(corridor: name, widthKm: widthKm)
        return Question(label: "corridor \(name ?? "(list)") width \(widthKm.map { "\($0)" } ?? "-")", request: { q.storeRequest() },
                        answer: { try AnswerText.json(try q.answer(catalog: $0)) })
    }

    static func show(_ deposit: String) -> Question {
        let q = ShowQuestion(deposit: deposit)
        return Question(label: "show \(deposit)", request: { q.storeRequest() }, answer: { try AnswerText.json(try q.answer(catalog: $0)) })
    }

    static var list: Question {
        Question(label: "list", request: { ListQuestion().storeRequest() }, answer: { try AnswerText.json(try ListQuestion().answer(catalog: $0)) })
    }

    static func gateways(_ place: String) -> Question {
        let q = GatewaysQuestion(place: place)
        return Question(label: "gateways \(place)", request: { .all }, answer: { try AnswerText.json(try q.answer(catalog: $0)) })
    }

    /// Each question's answer (or refusal, by its exit status) from the three sources, compared.
    func compare(_ questions: [Question], reference: (StoreRequest) throws -> Catalog, gpkg: CatalogStore, pg: PostGISStore,
                 file: StaticString = #filePath, line: UInt = #line) throws {
        func outcome(_ q: Question, _ catalog: (StoreRequest) throws -> Catalog) -> String {
            do {
                return try q.answer(try catalog(try q.request()))
            } catch {
                return "refused with \(AnswerError(error).status)"
            }
        }
        var compared = 0
        for q in questions {
            let expected = outcome(q, reference)
            let fromGeoPackage = outcome(q, { try gpkg.catalog(for: $0) })
            let fromPostGIS = outcome(q, { try pg.catalog(for: $0) })
            // The two stores read the same candidates, so they agree byte for byte.
            XCTAssertEqual(fromPostGIS, fromGeoPackage, "PostGIS against GeoPackage: \(q.label)", file: file, line: line)
            // Every byte the same, the points of lines crossing a deposit too: the engine reports the first
            // crossing in the line's own order, whatever else was read (ChainLayer.nearest).
            XCTAssertEqual(fromPostGIS, expected, "PostGIS against GeoJSON: \(q.label)", file: file, line: line)
            if !expected.hasPrefix("refused") { compared += 1 }
        }
        // Most questions must have been answered, not refused alike by all three.
        XCTAssertGreaterThan(compared, questions.count * 3 / 4, file: file, line: line)
    }

    /// The bundled GeoData: every layer, so every question.
    func testBundledDataAnswersAreTheSameFromGeoJSONGeoPackageAndPostGIS() throws {
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase(name)
        let pg = try PostGISStore(url: url, access: .create)
        try pg.importData(from: [try bundledDirectory()])
        let gpkg = try temporaryGeoPackage(from: try bundledDirectory())
        let questions: [Question] = [
            Self.nearRail("kz-w-001"), Self.nearRail("Upper Kairakty", k: 3), Self.nearRail("Bozshakol", k: 5, maxKm: 40),
            Self.nearRail("48.0,67.0"), Self.nearRail("43.2, 76.9", k: 2), Self.nearRail("Boguty", maxKm: 0.5),
            Self.at("48.0,67.0"), Self.at("50.28,72.93", radiusKm: 200), Self.at("43.65,51.17", radiusKm: 20, omit: [.corridors]),
            Self.region("KZ-AKM"), Self.region("Abay"), Self.region("48.0,67.0"),
            Self.corridor(nil), Self.corridor("corridor-titr"), Self.corridor("Dostyk – Moiynty railway corridor", widthKm: 80),
            Self.show("kz-w-002"), Self.show("Akchatau"), Self.list, Self.gateways("kz-cu-001"),
            Self.nearRail("no such deposit"),
        ]
        let reference = { (request: StoreRequest) in try Catalog.bundled() }
        try compare(questions, reference: reference, gpkg: gpkg, pg: pg)
    }

    /// ../shared/reference/synth-2000 (2,000 deposits, 10 corridors, 20 regions, no stations or country):
    /// near rail for the first 150 of its points.csv, k > 1 and --max-km among them, regions, corridors.
    func testSynth2000AnswersAreTheSameFromGeoJSONGeoPackageAndPostGIS() throws {
        let directory = try ReferenceData.withDepositSchema(try ReferenceData.directory("synth-2000"), in: temporaryDirectory())
        let server = try PostgresTestServer.shared()
        let url = try server.createDatabase(name)
        let pg = try PostGISStore(url: url, access: .create)
        try pg.importData(from: [directory])
        let gpkg = try temporaryGeoPackage(from: directory)
        let reference = try Catalog(directory: directory)
        var questions = [Question]()
        for (i, p) in try ReferenceData.points(try ReferenceData.directory("synth-2000")).prefix(150).enumerated() {
            let place = "\(p.latitude),\(p.longitude)"
            questions.append(Self.nearRail(place, k: 1 + i % 3, maxKm: i % 5 == 4 ? 25 : nil))
            if i % 10 == 0 { questions.append(Self.at(place, radiusKm: 30, omit: [.stations])) }
        }
        for i in stride(from: 0, to: 2000, by: 97) { questions.append(Self.nearRail(String(format: "dep-%06d", i), k: 2)) }
        questions += (0..<20).map { Self.region(String(format: "reg-%02d", $0)) }
        questions += (0..<10).map { Self.corridor(String(format: "cor-%02d", $0)) }
        questions += [Self.corridor(nil), Self.corridor("cor-03", widthKm: 120), Self.list]
        try compare(questions, reference: { _ in reference }, gpkg: gpkg, pg: pg)
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pg-same-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func bundledDirectory() throws -> URL {
        guard let directory = Catalog.bundledDirectory else { throw XCTSkip("the bundled GeoData is not found") }
        return directory
    }

    private func temporaryGeoPackage(from directory: URL) throws -> CatalogStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pg-same-\(UUID().uuidString).gpkg").path
        addTeardownBlock { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CatalogStore(path: path, access: .create)
        try store.importData(from: [directory])
        return store
    }
}

/// The larger reference datasets live in ../shared/reference beside the repository (as for
/// DepositIndexTests' ReferenceTests): absent, a skip on a developer's machine and a failure under CI.
enum ReferenceData {
    static func directory(_ name: String) throws -> URL {
        let root: URL
        if let env = ProcessInfo.processInfo.environment["DEPOSITS_REFERENCE"], !env.isEmpty {
            root = URL(fileURLWithPath: env)
        } else {
            root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference")
        }
        let url = root.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("deposits.geojson").path) else {
            let message = "reference dataset \(url.path) is absent (it lives in ../shared/reference beside the repository)"
            let ci = ProcessInfo.processInfo.environment["CI"] ?? ""
            if !ci.isEmpty, ci != "false" { XCTFail(message) }
            throw XCTSkip(message)
        }
        return url
    }

    /// A copy of a synthetic dataset whose deposits carry the properties a store's import requires of a
    /// catalog deposit (aliases, status, footprint, location_precision_m, source; synth-2000 has only name
    /// and commodities), added in the text so every coordinate stays as written; the other layers linked.
    /// The GeoJSON reference reads this same copy.
    static func withDepositSchema(_ source: URL, in directory: URL) throws -> URL {
        let fm = FileManager.default
        for file in try fm.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".geojson") && file != "deposits.geojson" {
            try fm.createSymbolicLink(at: directory.appendingPathComponent(file), withDestinationURL: source.appendingPathComponent(file))
        }
        let text = try String(contentsOf: source.appendingPathComponent("deposits.geojson"), encoding: .utf8)
        let added = "\"properties\": {\"aliases\": [], \"status\": \"exploration\", \"footprint\": \"subsoil_blocks\", "
            + "\"location_precision_m\": null, \"source\": \"synth-2000\", "
        let patched = text.replacingOccurrences(of: "\"properties\": {", with: added).replacingOccurrences(of: "\"properties\":{", with: added)
        guard patched != text else { throw PostgresTestServer.CommandFailed(description: "\(source.path)/deposits.geojson is not written as expected (\"properties\": {)") }
        try patched.write(to: directory.appendingPathComponent("deposits.geojson"), atomically: true, encoding: .utf8)
        return directory
    }

    /// The points of points.csv (id, lat, lon, radius_km).
    static func points(_ directory: URL) throws -> [Coordinate] {
        let text = try String(contentsOf: directory.appendingPathComponent("points.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return Coordinate(longitude: Double(f[2]) ?? .nan, latitude: Double(f[1]) ?? .nan)
        }
    }
}
