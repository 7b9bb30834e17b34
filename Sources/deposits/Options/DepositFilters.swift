import ArgumentParser
import DepositAnswers

/// Filters that pick deposits, shared by `list` and `export` (`DepositFilter`).
struct DepositFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only deposits with this commodity (element symbol, e.g. W).", valueName: "SYMBOL"))
    var commodity: String?

    @Option(help: ArgumentHelp("Only deposits in this region (ISO code such as KZ-KAR, or name).", valueName: "REGION"))
    var region: String?

    @Option(help: "Only deposits with this status: producing, development, exploration or historic.")
    var status: String?

    /// The filters as the library takes them.
    var filter: DepositFilter { DepositFilter(commodity: commodity, region: region, status: status) }
}
