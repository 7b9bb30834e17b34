import Foundation
import DepositIndex

/// How the rail layer becomes a network, for every question that builds one (`network`, `route`,
/// `gateways`): the tolerance line ends are joined within, and the line statuses routed over.
public struct NetworkSettings: Sendable {
    /// 100 m: the station chains start at OSM station nodes (10–50 m) while Natural Earth's vertices are
    /// quantised to about 25 m, so a real junction between them can be some 75 m apart; on the bundled
    /// data the two chain junctions measure 54 and 62 m and the next gap is 209 m.
    public static let defaultToleranceM = 100.0

    /// Line ends this close (metres, geodesic) are joined.
    public var toleranceM: Double
    /// Statuses routed over besides operating (`under_construction`, `planned`; comma lists allowed).
    public var include: [String]

    /// The question with its options, defaults as the CLI's.
    public init(toleranceM: Double = NetworkSettings.defaultToleranceM, include: [String] = []) {
        self.toleranceM = toleranceM
        self.include = include
    }

    /// The statuses routed over: operating plus those `include` names.
    public func statuses() throws -> LineStatuses {
        do { return try LineStatuses(parsing: include) } catch let e as QueryError { throw AnswerError(.usage, e.description) }
    }

    /// Refuses (usage) a status that is none and a tolerance outside 0 to 10 km.
    public func check() throws {
        _ = try statuses()
        guard toleranceM.isFinite, toleranceM >= 0, toleranceM <= RailNetwork.maximumToleranceM else {
            throw AnswerError(.usage, "--tolerance-m must be a distance from 0 to \(Int(RailNetwork.maximumToleranceM)) m, not \(toleranceM)")
        }
    }

    /// The catalog's rail layer as a network.
    public func network(of catalog: Catalog) throws -> RailNetwork {
        try RailNetwork(catalog: catalog, toleranceM: toleranceM, include: statuses())
    }

    /// The countries a route may pass through and come back: each entry split at its commas.
    public static func transitCodes(_ transit: [String]) -> [String] {
        transit.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    /// Refuses (usage) a transit code that is not two letters.
    public static func checkTransit(_ transit: [String]) throws {
        for code in transitCodes(transit) where !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) {
            throw AnswerError(.usage, "--transit takes ISO 3166-1 alpha-2 country codes such as RU or UZ, not \"\(TerminalText.escaped(code))\"")
        }
    }
}
