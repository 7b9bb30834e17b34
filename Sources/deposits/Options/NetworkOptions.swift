import ArgumentParser
import DepositAnswers
import DepositIndex

/// How the rail layer becomes a network, for every subcommand that builds one (`network`, `route`,
/// `gateways`): the tolerance ends are joined within, and the line statuses routed over (`NetworkSettings`).
struct NetworkOptions: ParsableArguments {
    @Option(name: .customLong("tolerance-m"), help: ArgumentHelp("Join line ends this close, metres (geodesic), from 0 to 10000.", valueName: "M"))
    var toleranceM: Double = NetworkSettings.defaultToleranceM

    @Option(name: .customLong("include"), help: ArgumentHelp(
        "Also route over lines of this status: under_construction or planned (repeat it, or give a comma list). Operating lines always.",
        valueName: "STATUS"))
    var include: [String] = []

    /// The options as the library takes them.
    var settings: NetworkSettings { NetworkSettings(toleranceM: toleranceM, include: include) }

    func validate() throws { try ValidationError.from { try settings.check() } }
}
