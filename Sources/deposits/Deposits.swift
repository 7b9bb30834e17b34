import ArgumentParser
import DepositIndex

@main
struct Deposits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposits",
        abstract: "Mineral deposits, rail lines, corridors and regions: exact answers on the WGS84 ellipsoid.",
        discussion: """
            Places are named by id, name or alias in any spelling (Latin, Cyrillic, Kazakh; case and \
            diacritics do not matter), or given as coordinates, latitude first: 48.683,73.283 or 48°41'N 73°17'E.
            Distances are geodesic, in metres on WGS84; areas are ellipsoidal.

            Exit codes:\(ExitStatus.documentation)
            """,
        version: depositIndexVersion,
        subcommands: [
            At.self, NearRail.self, CorridorCommand.self, RegionCommand.self, List.self, Show.self, Export.self,
            Validate.self, Import.self, Add.self, Remove.self,
        ]
    )
}
