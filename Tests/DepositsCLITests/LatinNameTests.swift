import XCTest

/// Tables print rail lines by their Latin name (`name_latin`, issue 12: "today tables print 'Сәкен Сейфуллин –
/// Ақадыр теміржол вокзалы'"), JSON keeps the data's own name. The Latin name is the data build's: Zharyk is the
/// GeoNames place Сәкен Сейфуллин station is named after, Ақадыр теміржол вокзалы is transliterated (BGN/PCGN Kazakh),
/// as GeoDataTests.SchemaTests checks.
final class LatinNameTests: XCTestCase {
    func testNearRailAtAndShowTablesUseTheLatinLineName() throws {
        let table = try CLIRunner.succeed(["near-rail", "Upper Kairakty"])
        XCTAssertTrue(table.contains("Zharyk – Aqadyr temirzhol vokzaly   35.2 km"), table)
        XCTAssertFalse(table.contains("Ақадыр"), table)
        let show = try CLIRunner.succeed(["show", "Upper Kairakty"])
        XCTAssertTrue(show.contains("nearest rail        Zharyk – Aqadyr temirzhol vokzaly, 35.2 km"), show)
        let json = try CLIRunner.succeed(["near-rail", "Upper Kairakty", "--format", "json"])
        XCTAssertTrue(json.contains("\"rail_name\" : \"Сәкен Сейфуллин – Ақадыр теміржол вокзалы\""), json)
    }
}
