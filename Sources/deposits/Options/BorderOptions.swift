import ArgumentParser
import Foundation
import DepositIndex

/// The border rule's one choice, for `route` and `gateways`: countries a route may pass through and come back.
struct BorderOptions: ParsableArguments {
    @Option(name: .customLong("transit"), help: ArgumentHelp(
        "Let routes leave Kazakhstan through these countries and come back (ISO codes such as RU or UZ; repeat it or give a comma list).",
        valueName: "CODE"))
    var transit: [String] = []

    /// The codes named, each list split at its commas.
    var codes: [String] { transit.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) } } }

    func validate() throws {
        for code in codes where !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) {
            throw ValidationError("--transit takes ISO 3166-1 alpha-2 country codes such as RU or UZ, not \"\(TerminalText.escaped(code))\"")
        }
    }

    /// The border rules for `network` under `catalog`.
    func rules(_ network: RailNetwork, _ catalog: Catalog) throws -> BorderRules {
        try BorderRules(network: network, catalog: catalog, transit: codes)
    }
}
