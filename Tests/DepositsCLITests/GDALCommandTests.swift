@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// `deposits validate` and `add` on the formats read through GDAL (issue 17), run as the built binary on
/// the files `Tools/make-gdal-fixtures.sh` made with ogr2ogr; and without GDAL, the one-line refusal.
final class GDALCommandTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SurveyTests/GDALFixtures")
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gdal-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try FileManager.default.removeItem(at: directory) }
    }

    private func requireGDAL() throws {
        guard GDALTools.available else {
            let message = "GDAL's ogrinfo and ogr2ogr are not installed (apt-get install gdal-bin); the GDAL formats were not checked"
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" {
                XCTFail("CI: " + message)
                throw CancellationError()
            }
            throw XCTSkip(message)
        }
    }

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    /// A Shapefile is several files, and each is the survey: `-o` or `--fix` onto its `.dbf`, `.prj` or `.shx` is refused
    /// (64) and the part is left as it was. A part that is a FIFO is refused at once rather than waited on (GDAL would
    /// block reading it). A layer whose name begins with "-" (a Shapefile's layer is its file name) is refused, not
    /// handed to GDAL's tools, which would take `-makevalid` for the option that repairs the very outline checked.
    func testAShapefilesPartsAreInputsAndItsNameIsNeverAnOption() throws {
        try requireGDAL()
        let fm = FileManager.default
        for ext in ["shp", "shx", "dbf", "prj"] {
            try fm.copyItem(atPath: fixture("bowtie.\(ext)"), toPath: directory.appendingPathComponent("bowtie.\(ext)").path)
            try fm.copyItem(atPath: fixture("bowtie.\(ext)"), toPath: directory.appendingPathComponent("-makevalid.\(ext)").path)
        }
        let shp = directory.appendingPathComponent("bowtie.shp").path
        for part in ["bowtie.dbf", "bowtie.prj", "bowtie.shx"] {
            let target = directory.appendingPathComponent(part).path
            let before = try Data(contentsOf: URL(fileURLWithPath: target))
            for args in [["validate", shp, "--format", "json", "-o", target], ["validate", shp, "--fix", target]] {
                let r = try CLIRunner.run(args)
                XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("is the survey"), r.stderr)
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before, part)
        }
        // The bowtie itself still reads, with its crossing.
        let ok = try CLIRunner.run(["validate", shp, "--format", "json"])
        XCTAssertEqual(ok.status, 3, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("self-intersection"), ok.stdout)

        let dashed = try CLIRunner.run(["validate", directory.appendingPathComponent("-makevalid.shp").path])
        XCTAssertEqual(dashed.status, 3, dashed.stderr)
        XCTAssertTrue(dashed.stdout.contains("unreadable-file") && dashed.stdout.contains("begins with '-'"), dashed.stdout)
        XCTAssertFalse(dashed.stdout.contains("overlaps-deposit"), dashed.stdout)

        let fifo = directory.appendingPathComponent("fifo")
        try fm.copyItem(atPath: fixture("bowtie.shp"), toPath: fifo.appendingPathExtension("shp").path)
        try fm.copyItem(atPath: fixture("bowtie.dbf"), toPath: fifo.appendingPathExtension("dbf").path)
        XCTAssertEqual(mkfifo(fifo.appendingPathExtension("shx").path, 0o600), 0)
        let waited = try CLIRunner.run(["validate", fifo.appendingPathExtension("shp").path])
        XCTAssertEqual(waited.status, 3, waited.stderr)
        XCTAssertTrue(waited.stdout.contains("fifo.shx") && waited.stdout.contains("not a regular file"), waited.stdout)
    }

    /// Without GDAL (`DEPOSITS_GDAL_BIN` pointing at an empty directory) a Shapefile is refused in one line
    /// naming the package, exit 65; GeoJSON is read as before, GDAL or not.
    func testWithoutGDALAShapefileIsRefusedInOneLineAndGeoJSONStillWorks() throws {
        let empty = directory.appendingPathComponent("no-gdal")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let env = ["DEPOSITS_GDAL_BIN": empty.path]
        let r = try CLIRunner.run(["validate", fixture("bowtie.shp")], environment: env)
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("ESRI Shapefile") && r.stderr.contains("apt-get install gdal-bin"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        let add = try CLIRunner.run(["add", fixture("blocks.gpkg"), "--store", directory.appendingPathComponent("s.gpkg").path], environment: env)
        XCTAssertEqual(add.status, 65, add.stderr)
        XCTAssertTrue(add.stderr.contains("gdal-bin"), add.stderr)
        let survey = SurveyFixturesPath.blocks
        let geojson = try CLIRunner.run(["validate", survey], environment: env)
        XCTAssertEqual(geojson.status, 0, geojson.stderr)
        XCTAssertTrue(geojson.stdout.contains("1 file, 1 feature: 0 errors, 0 warnings"), geojson.stdout)
    }

    /// The Shapefile's self-intersection: exit 3, the table names FID 0, the GeoJSON report carries the
    /// layer, the FID and the location in the file's CRS for the GeoPackage's UTM layer.
    func testValidateReportsInTheDeliveredFilesTerms() throws {
        try requireGDAL()
        let shp = try CLIRunner.run(["validate", fixture("bowtie.shp")])
        XCTAssertEqual(shp.status, 3, shp.stderr)
        XCTAssertTrue(shp.stdout.contains("bowtie.shp FID 0  error     self-intersection  kz-w-901  [73.016667, 49.508333]"), shp.stdout)

        let gpkg = try CLIRunner.run(["validate", fixture("two-layers.gpkg"), "--format", "geojson"])
        XCTAssertEqual(gpkg.status, 3, gpkg.stderr)
        let features = try GeoJSON.features(parsing: Array(gpkg.stdout.utf8))
        let crossing = try XCTUnwrap(features.first { $0.properties["code"]?.stringValue == "self-intersection" }, gpkg.stdout)
        XCTAssertEqual(crossing.properties["layer"]?.stringValue, "bowtie_utm43n")
        XCTAssertEqual(crossing.properties["fid"]?.doubleValue, 1)
        XCTAssertEqual(crossing.properties["file_crs"]?.stringValue, "EPSG:32643")
        // gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32643 of the crossing (73.016667 49.508333): 356420.50 5485857.50.
        let inFile = try XCTUnwrap(crossing.properties["file_location"]?.arrayValue?.compactMap(\.doubleValue))
        XCTAssertEqual(inFile[0], 356420.5, accuracy: 0.2)
        XCTAssertEqual(inFile[1], 5485857.5, accuracy: 0.2)
        // Still a point on the map, in WGS84.
        guard case .point(let at)? = crossing.geometry else { return XCTFail("no point: \(crossing)") }
        XCTAssertEqual(at.x, 73.016667, accuracy: 1e-6)
        XCTAssertEqual(at.y, 49.508333, accuracy: 1e-6)

        let layer = try CLIRunner.run(["validate", fixture("two-layers.gpkg"), "--layer", "blocks"])
        XCTAssertEqual(layer.status, 0, layer.stdout + layer.stderr)
        let bad = try CLIRunner.run(["validate", fixture("empty.tab")])
        XCTAssertEqual(bad.status, 3, bad.stderr)
        XCTAssertTrue(bad.stdout.contains("the file is empty (0 bytes), not a MapInfo TAB file"), bad.stdout)
    }

    /// `deposits add` of the blocks survey as a GeoPackage in UTM 43N (ogr2ogr's, every catalog property
    /// kept): the id attribute kz-w-001 replaces that deposit, and the outline is stored in WGS84, each
    /// corner where the GeoJSON it came from puts it.
    func testAddTakesAGeoPackageInUTMAndStoresItInWGS84() throws {
        try requireGDAL()
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        let store = directory.appendingPathComponent("catalog.gpkg").path
        XCTAssertEqual(try CLIRunner.run(["import", bundled.path, "--into", store]).status, 0)
        let r = try CLIRunner.run(["add", fixture("utm-blocks.gpkg"), "--store", store])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "replaced 1: kz-w-001\n")
        let exported = try CLIRunner.run(["export", "--layer", "deposits", "--store", store])
        let stored = try XCTUnwrap(try GeoJSON.features(parsing: Array(exported.stdout.utf8)).first { $0.id == "kz-w-001" })
        // GeoData/surveys/example-upper-kairakty-blocks.geojson's first corner, 73.2333333 48.6666667, to 1e-7° (1 cm):
        // the UTM round trip is PROJ's, exact to far less.
        let corners = stored.geometry?.coordinates ?? []
        XCTAssertTrue(corners.contains { abs($0.x - 73.2333333) < 1e-7 && abs($0.y - 48.6666667) < 1e-7 }, "\(corners)")
        XCTAssertEqual(stored.properties["commodities"], .array(["W", "Mo", "Bi"]))

        // The Shapefile with errors is refused, with its FID in the report.
        let refused = try CLIRunner.run(["add", fixture("bowtie.shp"), "--store", store])
        XCTAssertEqual(refused.status, 65, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("FID 0"), refused.stderr)
    }
}

extension GDALCommandTests {
    /// `deposits import` of layer files GDAL reads: a GeoPackage named deposits.gpkg (the blocks in UTM 43N)
    /// beside the bundled country.geojson, and a PolygonZM Shapefile named deposits.shp whose 10-character
    /// field names (location_p, commoditie) are the catalog's; the Z and M it drops are said.
    func testImportTakesLayerFilesGDALReads() throws {
        try requireGDAL()
        let bundled = try XCTUnwrap(Catalog.bundledDirectory)
        let gpkg = directory.appendingPathComponent("deposits.gpkg")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("utm-blocks.gpkg"), to: gpkg)
        let store = directory.appendingPathComponent("one.gpkg").path
        let r = try CLIRunner.run(["import", gpkg.path, bundled.appendingPathComponent("country.geojson").path, "--into", store])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("deposits 1, country 1"), r.stderr)
        let listed = try CLIRunner.run(["list", "--store", store])
        XCTAssertTrue(listed.stdout.contains("kz-w-001  Verkhnee Kairaktinskoye (Upper Kairakty)  W,Mo,Bi"), listed.stdout)

        let shpDirectory = directory.appendingPathComponent("shp")
        try FileManager.default.createDirectory(at: shpDirectory, withIntermediateDirectories: true)
        for part in ["shp", "shx", "dbf", "prj"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("blocks-zm.\(part)"),
                                             to: shpDirectory.appendingPathComponent("deposits.\(part)"))
        }
        let zm = try CLIRunner.run(["import", shpDirectory.appendingPathComponent("deposits.shp").path, "--into", directory.appendingPathComponent("two.gpkg").path])
        XCTAssertEqual(zm.status, 0, zm.stderr)
        XCTAssertTrue(zm.stderr.contains("holds M values") && zm.stderr.contains("holds Z values"), zm.stderr)

        // A file whose layers are not named after the store's is refused, naming them (65).
        let unnamed = try CLIRunner.run(["import", Self.fixtures.appendingPathComponent("two-layers.gpkg").path, "--into", directory.appendingPathComponent("three.gpkg").path])
        XCTAssertEqual(unnamed.status, 65, unnamed.stderr)
        XCTAssertTrue(unnamed.stderr.contains("cannot tell the store layer of its layer 'blocks'"), unnamed.stderr)
    }
}

/// The GeoJSON intake survey, for the tests here.
private enum SurveyFixturesPath {
    static let blocks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData/surveys/example-upper-kairakty-blocks.geojson").path
}
