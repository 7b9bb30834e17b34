import ArgumentParser
import DepositAnswers
import DepositIndex
import DepositPostGIS
import Foundation

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove deposits from a store by id, in one transaction (nothing is removed if any id is unknown).",
        discussion: "An unknown id exits 2 (not found), naming it; a store that cannot be written exits 73."
    )

    @Argument(help: "Deposit ids.")
    var ids: [String]

    @Option(name: .customLong("store"), help: ArgumentHelp("The store to remove from: a GeoPackage, or a PostgreSQL/PostGIS database by URL.", valueName: "FILE | URL"))
    var store: String

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name the deposit id(s) to remove") }
    }

    func run() throws {
        try reportingErrors {
            // An id given twice is one deposit removed, and counted once.
            var seen = Set<String>()
            let unique = ids.filter { seen.insert($0).inserted }
            try StoreLocation(store).removeDeposits(ids: unique)
            try StandardStreams.output("removed \(unique.count): \(unique.map(TerminalText.escaped).joined(separator: ", "))\n")
        }
    }
}
