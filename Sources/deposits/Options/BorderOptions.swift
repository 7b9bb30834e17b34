import ArgumentParser
import DepositAnswers
import Foundation

/// The border rule's one choice, for `route` and `gateways`: countries a route may pass through and come back.
struct BorderOptions: ParsableArguments {
    @Option(name: .customLong("transit"), help: ArgumentHelp(
        "Let routes leave Kazakhstan through these countries and come back (ISO codes such as RU or UZ; repeat it or give a comma list).",
        valueName: "CODE"))
    var transit: [String] = []

    func validate() throws { try ValidationError.from { try NetworkSettings.checkTransit(transit) } }
}
