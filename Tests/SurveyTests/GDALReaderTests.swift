@testable import DepositIndex
import Foundation
import Geo
import XCTest

/// Surveys in the formats read through GDAL (issue 17), from the files `Tools/make-gdal-fixtures.sh` made
/// with ogr2ogr out of the survey corpus: each gives the findings of the GeoJSON it came from, located by
/// layer and FID and in the file's own CRS. XCTest rather than Swift Testing so that a machine without
/// GDAL skips them visibly; in CI (CI=true) a missing GDAL fails them.
final class GDALReaderTests: XCTestCase {
    static let fixtures = SurveyFixtures.packageRoot.appendingPathComponent("Tests/SurveyTests/GDALFixtures")

    override func setUpWithError() throws {
        guard GDALTools.available else {
            let message = "GDAL's ogrinfo and ogr2ogr are not installed (apt-get install gdal-bin); the GDAL formats were not checked"
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" {
                XCTFail("CI: " + message)
                throw CancellationError()
            }
            throw XCTSkip(message)
        }
    }

    private func validate(_ name: String, crs: String? = nil, layer: String? = nil) throws -> SurveyReport {
        var options = SurveyValidator.Options()
        options.checkDepositProperties = false
        options.layer = layer
        return SurveyValidator(catalog: try SurveyFixtures.catalog.get(), options: options)
            .validate(file: Self.fixtures.appendingPathComponent(name), crs: crs)
    }

    private func geoJSON(_ path: String) throws -> SurveyReport {
        var options = SurveyValidator.Options()
        options.checkDepositProperties = false
        return SurveyValidator(catalog: try SurveyFixtures.catalog.get(), options: options)
            .validate(file: SurveyFixtures.packageRoot.appendingPathComponent(path))
    }

    /// What a finding is, apart from how the file names it: code, ring and location, the location to
    /// 1e-6° (0.1 m; a format in a projected CRS is a round trip through PROJ, exact to far less) so that
    /// two reports compare equal when their locations agree within 1e-7°, which `XCTAssertEqual` on these
    /// strings could split at a rounding boundary: so `same` compares them.
    private struct Finding: Equatable, CustomStringConvertible {
        var code: String
        var location: Coordinate?
        var description: String { "\(code) \(location.map { String(format: "%.7f %.7f", $0.x, $0.y) } ?? "-")" }
        static func == (a: Finding, b: Finding) -> Bool {
            guard a.code == b.code else { return false }
            switch (a.location, b.location) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x.x - y.x) < 1e-7 && abs(x.y - y.y) < 1e-7
            default: return false
            }
        }
    }

    private func findings(_ report: SurveyReport, leaving codes: Set<ProblemCode> = []) -> [Finding] {
        report.problems.filter { $0.severity != .note && !codes.contains($0.code) }.map { p in
            Finding(code: "\(p.code.rawValue) \(p.ring.map(String.init(describing:)) ?? "-")", location: p.location)
        }.sorted { $0.description < $1.description }
    }

    /// Every format made from GeoData/surveys/example-upper-kairakty-blocks.geojson: no finding, as the
    /// GeoJSON has none, and the same geodesic area (the GeoJSON's own, measured in this test).
    func testTheBlocksSurveyInEveryFormatGivesWhatItsGeoJSONGives() throws {
        let source = try geoJSON("GeoData/surveys/example-upper-kairakty-blocks.geojson")
        let area = try XCTUnwrap(source.features.first?.areaKm2)
        XCTAssertEqual(findings(source), [])
        for name in ["blocks.shp", "blocks.gpkg", "blocks.kml", "blocks.kmz", "blocks.tab", "blocks.mif", "blocks.gml", "blocks.fgb", "utm-blocks.shp"] {
            let report = try validate(name)
            XCTAssertEqual(findings(report), findings(source), "\(name)\n\(report.table())")
            XCTAssertEqual(report.featureCount, 1, name)
            // Written to 15 significant digits (MapInfo's TAB stores integers at its own resolution, UTM is a round trip): 1e-4 km² = 100 m².
            XCTAssertEqual(try XCTUnwrap(report.features.first?.areaKm2, name), area, accuracy: 1e-4, name)
        }
        // A DXF holds no attributes, so the survey's id (kz-w-001, which it replaces) is lost: it overlaps
        // that deposit, which is what the catalog would say of an outline with no id. The geometry is the same.
        let dxf = try validate("blocks.dxf")
        XCTAssertEqual(findings(dxf, leaving: [.overlapsDeposit]), findings(source), dxf.table())
        XCTAssertEqual(dxf.problems.filter { $0.code == .overlapsDeposit }.count, 1, dxf.table())
        XCTAssertEqual(try XCTUnwrap(dxf.features.first?.areaKm2), area, accuracy: 1e-4)
    }

    /// Tests/SurveyTests/Corpus/bowtie.geojson as a Shapefile: its self-intersection, at the same point,
    /// named by FID 0 (a Shapefile's first record) and the id attribute.
    func testAShapefileWithASelfIntersectionIsLocatedByFID() throws {
        let source = try geoJSON("Tests/SurveyTests/Corpus/bowtie.geojson")
        let report = try validate("bowtie.shp")
        XCTAssertEqual(findings(report), findings(source), report.table())
        let p = try XCTUnwrap(report.problems.first { $0.code == .selfIntersection })
        XCTAssertEqual(p.fid, 0)
        XCTAssertEqual(p.layer, "bowtie")
        XCTAssertEqual(p.feature, "kz-w-901")
        XCTAssertNil(p.fileLocation, "the .prj is WGS84: the location is already in the file's terms")
        XCTAssertTrue(report.table().contains("bowtie.shp FID 0"), report.table())

        // The same in UTM 43N, its .prj saying so: the crossing also in the file's eastings and northings,
        // `echo "73.016667 49.508333" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32643`: 356420.50 5485857.50 (to 0.1 m).
        let utm = try validate("bowtie-utm43n.shp")
        XCTAssertEqual(findings(utm), findings(source), utm.table())
        let u = try XCTUnwrap(utm.problems.first { $0.code == .selfIntersection })
        XCTAssertEqual(u.fileCRS, "EPSG:32643")
        XCTAssertEqual(try XCTUnwrap(u.fileLocation).x, 356420.5, accuracy: 0.2)
        XCTAssertEqual(try XCTUnwrap(u.fileLocation).y, 5485857.5, accuracy: 0.2)
    }

    /// The bowtie transformed by ogr2ogr to Pulkovo 1942 / Gauss-Kruger zone 13 (EPSG:28413), as MapInfo
    /// TAB: the crossing in WGS84 as the GeoJSON's, and in the TAB's own coordinates.
    func testATABInPulkovoGaussKrugerGivesTheCrossingInItsOwnCoordinates() throws {
        let source = try geoJSON("Tests/SurveyTests/Corpus/bowtie.geojson")
        let report = try validate("bowtie-pulkovo-gk13.tab")
        XCTAssertEqual(findings(report), findings(source), report.table())
        let p = try XCTUnwrap(report.problems.first { $0.code == .selfIntersection })
        XCTAssertEqual(p.fid, 1, "MapInfo numbers features from 1")
        let inFile = try XCTUnwrap(p.fileLocation)
        // `echo "73.016667 49.508333" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:28413` gives
        // 13356415.12 5488102.78; the TAB's CRS is MapInfo's own Pulkovo definition, and the point is
        // rounded to 1e-6° (0.1 m), so within 1 m.
        XCTAssertEqual(inFile.x, 13356415.12, accuracy: 1)
        XCTAssertEqual(inFile.y, 5488102.78, accuracy: 1)
        XCTAssertEqual(p.fileCRS, "the file's CRS (Transverse Mercator, Krassovsky)")
    }

    /// Corpus/ring-not-closed.geojson as KML (GDAL keeps the ring open) and as an open DXF polyline.
    func testAnOpenKMLRingAndAnOpenDXFPolylineAreRingsNotClosed() throws {
        let source = try geoJSON("Tests/SurveyTests/Corpus/ring-not-closed.geojson")
        let kml = try validate("ring-open.kml")
        XCTAssertEqual(findings(kml), findings(source), kml.table())
        let k = try XCTUnwrap(kml.problems.first { $0.code == .ringNotClosed })
        XCTAssertEqual(k.layer, "ring_not_closed")
        XCTAssertEqual(k.fid, 1)
        let dxf = try validate("unclosed-polyline.dxf")
        // No id in a DXF: no overlap question arises here (the block lies away from every deposit).
        XCTAssertEqual(findings(dxf), findings(source), dxf.table())
        let d = try XCTUnwrap(dxf.problems.first { $0.code == .ringNotClosed })
        XCTAssertEqual(d.layer, "entities")
        XCTAssertEqual(d.fid, 0)
        XCTAssertEqual(d.feature, "FID 0")
    }

    /// A GeoPackage with the blocks (WGS84) and the bowtie in UTM 43N: every layer, or the one asked for.
    func testAGeoPackageWithTwoLayers() throws {
        let report = try validate("two-layers.gpkg")
        XCTAssertEqual(report.featureCount, 2)
        let p = try XCTUnwrap(report.problems.first { $0.code == .selfIntersection }, report.table())
        XCTAssertEqual(p.layer, "bowtie_utm43n")
        XCTAssertEqual(p.fid, 1, "GeoPackage FIDs start at 1")
        XCTAssertEqual(p.fileCRS, "EPSG:32643")
        // `echo "73.016667 49.508333" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32643` gives 356420.50 5485857.50
        // (to 0.1 m: the point is rounded to 1e-6°).
        let inFile = try XCTUnwrap(p.fileLocation)
        XCTAssertEqual(inFile.x, 356420.5, accuracy: 0.2)
        XCTAssertEqual(inFile.y, 5485857.5, accuracy: 0.2)
        XCTAssertTrue(report.table().contains("two-layers.gpkg layer bowtie_utm43n FID 1"), report.table())

        let blocks = try validate("two-layers.gpkg", layer: "blocks")
        XCTAssertEqual(blocks.featureCount, 1)
        XCTAssertFalse(blocks.hasErrors, blocks.table())
        let unknown = try validate("two-layers.gpkg", layer: "licences")
        XCTAssertEqual(unknown.problems.map(\.code), [.unknownLayer])
        XCTAssertTrue(unknown.problems[0].message.contains("'blocks', 'bowtie_utm43n'"), unknown.problems[0].message)
    }

    /// What the conversion leaves out is said: Z and M of a PolygonZM Shapefile, a GeoPackage CurvePolygon.
    func testZMAndCurvesAreReportedNotLost() throws {
        let zm = try validate("blocks-zm.shp")
        let dropped = zm.problems.filter { $0.code == .droppedInConversion }
        XCTAssertEqual(dropped.count, 2, zm.table())
        XCTAssertTrue(dropped.contains { $0.message.contains("M values") } && dropped.contains { $0.message.contains("Z values") }, zm.table())
        XCTAssertFalse(zm.hasErrors)
        let curve = try validate("blocks-curve.gpkg")
        let c = try XCTUnwrap(curve.problems.first { $0.code == .droppedInConversion }, curve.table())
        XCTAssertEqual(c.fid, 1)
        XCTAssertTrue(c.message.contains("CURVEPOLYGON"), c.message)
        let gml = try validate("blocks-curve.gml")
        let g = try XCTUnwrap(gml.problems.first { $0.code == .droppedInConversion }, gml.table())
        XCTAssertEqual(g.fid, 0)
        // A DXF bulge comes out of GDAL's DXF reader as plain segments; the file itself says it was an arc.
        let dxf = try validate("arc-polyline.dxf")
        let d = try XCTUnwrap(dxf.problems.first { $0.code == .droppedInConversion }, dxf.table())
        XCTAssertEqual(d.fid, 0)
        XCTAssertTrue(d.message.contains("a polyline with arcs (bulges)"), d.message)
        XCTAssertNil(try validate("blocks.dxf").problems.first { $0.code == .droppedInConversion }, "no arc, nothing said")
    }

    /// DXF text read for arcs: the handles of an ARC and of a bulging LWPOLYLINE; a POLYLINE's VERTEX bulge
    /// belongs to the POLYLINE; a bulge of 0 is no arc; entities outside ENTITIES are not looked at.
    func testDXFArcsByHandle() {
        let text = ["0", "SECTION", "2", "BLOCKS", "0", "ARC", "5", "B1", "0", "ENDSEC",
                    "0", "SECTION", "2", "ENTITIES",
                    "0", "ARC", "5", "A1", "10", "1", "20", "2",
                    "0", "LWPOLYLINE", "5", "L1", "10", "0", "20", "0", "42", "0.5", "10", "1", "20", "1",
                    "0", "LWPOLYLINE", "5", "L2", "10", "0", "20", "0", "42", "0", "10", "1", "20", "1",
                    "0", "POLYLINE", "5", "P1", "0", "VERTEX", "5", "V1", "42", "-1", "0", "SEQEND", "5", "S1",
                    "0", "ENDSEC", "0", "EOF"].joined(separator: "\n")
        XCTAssertEqual(DXFArcs.scan(Array(text.utf8)), ["A1": "ARC", "L1": "bulge", "P1": "bulge"])
        XCTAssertEqual(DXFArcs.scan(Array("not a dxf\n".utf8)), [:])
    }

    /// A Shapefile in UTM without its .prj: the numbers are metres, as the GeoJSON corpus's utm-metres;
    /// --crs supplies the CRS the file lacks.
    func testAShapefileWithoutItsPRJIsProjectedCoordinatesUntilGivenACRS() throws {
        let bare = try validate("utm-no-prj.shp")
        XCTAssertEqual(SurveyFixtures.codes(bare), ["projected-coordinates"], bare.table())
        let given = try validate("utm-no-prj.shp", crs: "EPSG:32643")
        XCTAssertEqual(SurveyFixtures.codes(given), [], given.table())
    }

    /// Bad input: each one located error (unreadable-file, naming the file and what is wrong), never a
    /// crash or a hang.
    func testBadInputIsALocatedError() throws {
        let cases: [(String, String)] = [
            ("missing-shx.shp", ".shx (its index) is missing"),
            ("missing-dbf.shp", ".dbf (its attributes: ids, names) is missing"),
            ("truncated.shp", "Error in fread()"),
            ("bowtie-shapefile.zip", "a zip archive; unzip it"),
            ("not-a-zip.kmz", "not a valid kmz file"),
            ("empty.tab", "the file is empty (0 bytes), not a MapInfo TAB file"),
        ]
        for (name, words) in cases {
            let report = try validate(name)
            let p = try XCTUnwrap(report.problems.first { $0.code == .unreadableFile }, "\(name)\n\(report.table())")
            XCTAssertTrue(p.file.hasSuffix(name), p.file)
            XCTAssertTrue(p.message.contains(words), "\(name): \(p.message)")
            XCTAssertTrue(report.hasErrors)
        }
    }

    /// Damaged deliveries: each fixture's main file with seeded random bytes overwritten (the sidecars left
    /// whole), 4 damages of each of 6 formats. Every one gives a report naming the file, whatever GDAL makes
    /// of it (a located error, features checked, or none left); none crashes or hangs the validator (GDAL runs in its own
    /// process: a crash of GDAL's is a located `unreadable-file`).
    func testDamagedFilesGiveAReportNeverACrash() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gdal-damaged-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }  // a temporary directory of this test's own
        var random = SeededRandom(seed: 17)
        let sets: [(main: String, sidecars: [String])] = [
            ("bowtie.shp", ["shx", "dbf", "prj"]), ("bowtie-pulkovo-gk13.tab", ["map", "dat", "id"]), ("ring-open.kml", []),
            ("two-layers.gpkg", []), ("blocks.fgb", []), ("unclosed-polyline.dxf", []),
        ]
        for (main, sidecars) in sets {
            let original = try Data(contentsOf: Self.fixtures.appendingPathComponent(main))
            let base = (main as NSString).deletingPathExtension, ext = (main as NSString).pathExtension
            for round in 0..<4 {
                let stem = "\(base)-\(round)"
                var bytes = [UInt8](original)
                for _ in 0..<(1 + round * 4) {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[at] = UInt8.random(in: 0...255, using: &random)
                }
                let file = work.appendingPathComponent("\(stem).\(ext)")
                try Data(bytes).write(to: file)
                for side in sidecars {
                    try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("\(base).\(side)"),
                                                     to: work.appendingPathComponent("\(stem).\(side)"))
                }
                let report = SurveyValidator(catalog: try SurveyFixtures.catalog.get()).validate(file: file)
                XCTAssertEqual(report.files, [file.path])
                XCTAssertTrue(report.problems.allSatisfy { $0.file == file.path }, report.table())
            }
        }
    }

    func testGDALListTextIsAList() {
        XCTAssertEqual(GDALSurveyReader.stringList("(3:W,Mo,Bi)"), ["W", "Mo", "Bi"])
        XCTAssertEqual(GDALSurveyReader.stringList("(0:)"), [])
        XCTAssertNil(GDALSurveyReader.stringList("(2:W)"))
        XCTAssertNil(GDALSurveyReader.stringList("Verkhnee (Upper)"))
    }

    func testOGRInfoLayersAndCRSLabels() {
        let text = """
            INFO: Open of `x.gpkg'
                  using driver `GPKG' successful.

            Layer name: a
            Geometry: 3D Measured Polygon
            Feature Count: 2
            Layer SRS WKT:
            PROJCRS["WGS 84 / UTM zone 43N",
                ID["EPSG",32643]]
            Data axis to CRS axis mapping: 1,2
            Layer name: String (0.0)
            id: String (0.0)

            Layer name: b
            Geometry: Unknown (any)
            Feature Count: 1
            Layer SRS WKT:
            (unknown)
            """
        let layers = OGRLayerInfo.parse(text)
        XCTAssertEqual(layers.map(\.name), ["a", "b"], "a field called 'Layer name' is not a layer")
        XCTAssertEqual(layers[0].featureCount, 2)
        XCTAssertTrue(layers[0].isMeasured && layers[0].hasZ)
        XCTAssertEqual(layers[0].crsWKT.map(OGRLayerInfo.crsLabel), "EPSG:32643")
        XCTAssertNil(layers[1].crsWKT)
        XCTAssertTrue(layers[1].typeUndeclared)
    }
}
