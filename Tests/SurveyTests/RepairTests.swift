import DepositIndex
import Foundation
import Geo
import Testing

/// Repair: each change, its area effect, and that the input is never touched.
@Suite struct RepairTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-repair-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func bowtieIsRebuiltIntoItsTwoLobes() throws {
        let input = SurveyFixtures.corpus.appendingPathComponent("bowtie.geojson")
        let before = try Data(contentsOf: input)
        let output = try temporaryDirectory().appendingPathComponent("fixed.geojson")
        let result = try SurveyRepair().repair(files: [input], to: output)
        let change = try #require(result.changes.first { $0.kind == .makeValid })
        // The bow-tie's lobes cancel in its signed ring area, so it measures 0 before; after, the two
        // triangles 1,118,753.7 m² and 1,118,747.0 m² (pyproj 3.7.2 Geod, crossing at the centre).
        #expect(abs(try #require(change.areaBeforeKm2)) < 1e-6)
        #expect(abs(try #require(change.areaAfterKm2) - 2.2375008) < 1e-3)
        #expect(try Data(contentsOf: input) == before, "the input must not change")
        let again = try SurveyFixtures.validator().validate(file: output)
        #expect(!again.hasErrors, "\(again.table())")
    }

    @Test func unclosedRingIsClosedWithNoAreaEffect() throws {
        let input = SurveyFixtures.corpus.appendingPathComponent("ring-not-closed.geojson")
        let output = try temporaryDirectory().appendingPathComponent("closed.geojson")
        let result = try SurveyRepair().repair(files: [input], to: output)
        let change = try #require(result.changes.first { $0.kind == .closeRing })
        // Geodesic ring areas treat an open ring as closed, so closing it adds nothing: both are the
        // two-block square's 4,475,001.47 m² (pyproj 3.7.2 Geod).
        #expect(abs(try #require(change.areaAfterKm2) - 4.47500147) < 1e-6)
        #expect(try #require(change.areaEffectKm2) == 0)
        #expect(!(try SurveyFixtures.validator().validate(file: output)).hasErrors)
    }

    @Test func clockwiseShellIsRewoundAndRepeatsDropped() throws {
        let dir = try temporaryDirectory()
        let result = try SurveyRepair().repair(files: [SurveyFixtures.corpus.appendingPathComponent("clockwise-shell.geojson"),
                                                       SurveyFixtures.corpus.appendingPathComponent("repeated-points.geojson")],
                                               to: dir.appendingPathComponent("out.geojson"))
        #expect(result.changes.map(\.kind).contains(.rewind))
        let dropped = try #require(result.changes.first { $0.kind == .dropRepeatedPoints })
        #expect(dropped.message == "removed 2 repeated positions")
        let again = try SurveyFixtures.validator().validate(file: dir.appendingPathComponent("out.geojson"))
        // The two files hold the same square under the same id: after repair they are duplicates of each other.
        #expect(SurveyFixtures.codes(again) == ["duplicate-geometry", "duplicate-id"])
    }

    @Test func swappedAndProjectedSurveysComeOutInLongitudeLatitude() throws {
        let dir = try temporaryDirectory()
        let result = try SurveyRepair().repair(files: [SurveyFixtures.corpus.appendingPathComponent("csv-unclosed-utm.csv")],
                                               to: dir.appendingPathComponent("utm.geojson"))
        #expect(result.changes.map(\.kind) == [.transformCRS, .closeRing])
        let area = try #require(result.changes.last?.areaAfterKm2)
        // The UTM 43N corners of the example blocks (pyproj), closed: 20,467,715 m² again.
        #expect(abs(area - 20.4677154) < 1e-4)
        let swapped = try SurveyRepair().repair(files: [SurveyFixtures.corpus.appendingPathComponent("swapped-axes.geojson")],
                                                to: dir.appendingPathComponent("swapped.geojson"))
        #expect(swapped.changes.first?.kind == .swapAxes)
    }

    @Test func writingOverTheInputIsRefused() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("survey.geojson")
        try Data(contentsOf: SurveyFixtures.corpus.appendingPathComponent("bowtie.geojson")).write(to: input)
        let before = try Data(contentsOf: input)
        #expect(throws: AtomicFile.Failure.self) {
            try SurveyRepair().repair(files: [input], to: URL(fileURLWithPath: dir.path + "/./survey.geojson"))
        }
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func unrepairableFeaturesAreListed() throws {
        let dir = try temporaryDirectory()
        let result = try SurveyRepair().repair(files: [SurveyFixtures.corpus.appendingPathComponent("utm-metres.geojson")],
                                               to: dir.appendingPathComponent("out.geojson"))
        #expect(result.unrepaired.map(\.code) == [.projectedCoordinates])
    }
}

/// A scribbled ring (3,000 random vertices, about two million crossings) is reported and refused
/// quickly rather than noded whole.
@Suite struct ScribbleTests {
    @Test func scribbleListsTheFirstCrossingsAndIsNotRebuilt() throws {
        let file = SurveyFixtures.corpus.appendingPathComponent("scribble-3000-vertices.geojson")
        let report = try SurveyFixtures.validator().validate(file: file)
        let crossings = report.problems.filter { $0.code == .selfIntersection }
        // 25 listed and one line counting the rest (the per-code limit).
        #expect(crossings.count == 26)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scribble-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let result = try SurveyRepair().repair(files: [file], to: dir.appendingPathComponent("out.geojson"))
        #expect(result.unrepaired.map(\.code) == [.selfIntersection])
        #expect(!result.changes.contains { $0.kind == .makeValid })
    }
}
