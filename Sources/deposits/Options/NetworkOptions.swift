import ArgumentParser
import DepositIndex

/// How the rail layer becomes a network, for every subcommand that builds one (`network`, `route`,
/// `gateways`): the tolerance ends are joined within, and the line statuses routed over.
struct NetworkOptions: ParsableArguments {
    /// 100 m: the station chains start at OSM station nodes (10–50 m) while Natural Earth's vertices are
    /// quantised to about 25 m, so a real junction between them can be some 75 m apart; on the bundled
    /// data the two chain junctions measure 54 and 62 m and the next gap is 209 m.
    static let defaultToleranceM = 100.0

    @Option(name: .customLong("tolerance-m"), help: ArgumentHelp("Join line ends this close, metres (geodesic), from 0 to 10000.", valueName: "M"))
    var toleranceM: Double = NetworkOptions.defaultToleranceM

    @Option(name: .customLong("include"), help: ArgumentHelp(
        "Also route over lines of this status: under_construction or planned (repeat it, or give a comma list). Operating lines always.",
        valueName: "STATUS"))
    var include: [String] = []

    /// The statuses routed over: operating plus those `--include` names.
    var statuses: LineStatuses {
        get throws {
            do { return try LineStatuses(parsing: include) } catch let e as QueryError { throw ValidationError(e.description) }
        }
    }

    func validate() throws {
        _ = try statuses
        guard toleranceM.isFinite, toleranceM >= 0, toleranceM <= RailNetwork.maximumToleranceM else {
            throw ValidationError("--tolerance-m must be a distance from 0 to \(Int(RailNetwork.maximumToleranceM)) m, not \(toleranceM)")
        }
    }

    /// The catalog's rail layer as a network.
    func network(of catalog: Catalog) throws -> RailNetwork {
        try RailNetwork(catalog: catalog, toleranceM: toleranceM, include: statuses)
    }
}
