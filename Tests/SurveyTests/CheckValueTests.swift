import DepositIndex
import Foundation
import Geo
import Testing

/// The checks' numbers and places, each against an independent value.
@Suite struct CheckValueTests {
    func report(_ corpusFile: String) throws -> SurveyReport {
        try SurveyFixtures.validator().validate(file: SurveyFixtures.corpus.appendingPathComponent(corpusFile))
    }

    @Test func overlapWithUpperKairaktyIsHalfItsBlock() throws {
        let p = try #require(try report("overlaps-deposit.geojson").problems.first { $0.code == .overlapsDeposit })
        #expect(p.related == "kz-w-001")
        // The survey is Upper Kairakty's 1' block shifted east by half a block: the shared half,
        // 73.2583333–73.2666667 E by 48.6833333–48.7 N, is 1,137,106.75 m² (pyproj 3.7.2 Geod, WGS84).
        #expect(abs(try #require(p.overlapKm2) - 1.13710675) < 1e-4)
        let at = try #require(p.location)
        #expect(at.x > 73.2583 && at.x < 73.2667 && at.y > 48.6833 && at.y < 48.7)
    }

    @Test func everyCrossingOfTheZigzagIsReportedWhereItIs() throws {
        let crossings = try report("zigzag-five-crossings.geojson").problems.filter { $0.code == .selfIntersection }
        // The closing leg runs along 49.51° N and crosses the four zigzag legs halfway up (73.005, 73.015,
        // 73.025, 73.035° E) and the vertical leg at 73.04° E.
        let expected = [73.005, 73.015, 73.025, 73.035, 73.04]
        let found = crossings.compactMap(\.location).sorted { $0.x < $1.x }
        #expect(found.count == 5)
        for (c, x) in zip(found, expected) {
            #expect(abs(c.x - x) < 1e-9 && abs(c.y - 49.51) < 1e-9)
        }
    }

    @Test func swappedSurveyIsPlacedWhereItReallyIs() throws {
        let p = try #require(try report("swapped-axes.geojson").problems.first { $0.code == .coordinatesSwapped })
        // The file holds [49.5, 73.0] first, i.e. the block's south-west corner read latitude first.
        #expect(p.location == Coordinate(x: 73.0, y: 49.5))
    }

    @Test func duplicateOfACatalogFootprintNamesTheDeposit() throws {
        let p = try #require(try report("duplicate-of-deposit.geojson").problems.first { $0.code == .duplicateGeometry })
        #expect(p.related == "kz-w-001")
    }

    @Test func holeOutsideItsShellNamesTheRing() throws {
        let p = try #require(try report("hole-outside-shell.geojson").problems.first { $0.code == .holeOutsideShell })
        #expect(p.ring == RingPosition(part: 0, ring: 1))
    }

    @Test func problemsAreCappedPerCodeAndCounted() throws {
        // A 200-vertex ring with every position doubled: 200 repeated-points warnings, 25 listed.
        var ring = [String]()
        for i in 0..<200 {
            let angle = Double(i) / 200 * 2 * .pi
            let c = "[\(73 + 0.01 * cos(angle)),\(49.5 + 0.01 * sin(angle))]"
            ring += [c, c]
        }
        ring.append(ring[0])
        let text = "{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]}"
        let report = try SurveyFixtures.validate(text)
        let repeated = report.problems.filter { $0.code == .repeatedPoints }
        #expect(repeated.count == 26)
        #expect(repeated.last?.message.hasPrefix("175 more") == true)
    }

    @Test func outlineAcrossTwoRegionsGivesBothWithShares() throws {
        // A 0.2° square on the Karaganda–Ulytau boundary is not assumed; instead the example survey lies
        // wholly in Karaganda, and a point far west (Atyrau) in KZ-ATY.
        let example = try SurveyFixtures.validator().validate(file: SurveyFixtures.intake.appendingPathComponent("example-upper-kairakty-blocks.geojson"))
        let note = try #require(example.problems.first { $0.code == .inRegion })
        #expect(note.message.contains("KZ-KAR"))
        let atyrau = try SurveyFixtures.validate("""
        {"type":"Polygon","coordinates":[[[51.9,47.1],[51.92,47.1],[51.92,47.11],[51.9,47.11],[51.9,47.1]]]}
        """)
        // Atyrau city (47.1 N, 51.9 E) is the centre of Atyrau region, ISO 3166-2 KZ-ATY.
        #expect(atyrau.features.first?.regions == ["KZ-ATY"])
    }
}
