import ArgumentParser
import DepositIndex
import Foundation

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove deposits from a store by id, in one transaction (nothing is removed if any id is unknown)."
    )

    @Argument(help: "Deposit ids.")
    var ids: [String]

    @Option(name: .customLong("store"), help: ArgumentHelp("The store to remove from.", valueName: "FILE"))
    var store: String

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name the deposit id(s) to remove") }
    }

    func run() throws {
        try reportingErrors {
            guard FileManager.default.fileExists(atPath: store) else { throw UserFacingError(.badData, "--store \(store): no such file") }
            try CatalogStore(path: store, access: .write).removeDeposits(ids: ids)
            print("removed \(ids.count): \(ids.map(TerminalText.escaped).joined(separator: ", "))")
        }
    }
}
