import DepositIndex
import Foundation
import Geo

/// Filters that pick deposits, shared by `list`, `export` and the server's deposit items: a commodity
/// (element symbol), a region (ISO code or name) and a status, each optional.
public struct DepositFilter: Sendable {
    /// Only deposits with this commodity (an element symbol such as W), any case.
    public var commodity: String?
    /// Only deposits in this region (ISO code such as KZ-KAR, or name).
    public var region: String?
    /// Only deposits with this status (producing, development, exploration, historic, or one the data uses).
    public var status: String?

    /// The question with its options, defaults as the CLI's.
    public init(commodity: String? = nil, region: String? = nil, status: String? = nil) {
        self.commodity = commodity
        self.region = region
        self.status = status
    }

    /// The statuses GeoData/README.md defines; a data directory may use others, which are accepted too.
    public static let statuses = ["producing", "development", "exploration", "historic"]

    /// The chemical element symbols, for telling a typo in `--commodity` from a commodity no deposit has.
    static let elements = Set("""
        H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr         Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt         Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og
        """.split(separator: " ").map { $0.lowercased() })

    /// Refuses (64) a filter value that is a typo rather than a question: a status neither defined nor in
    /// the data, a commodity that is no element symbol and in no deposit. A real value no deposit has
    /// answers "0 deposits".
    public func check(_ catalog: Catalog) throws {
        if let status {
            let known = Set(Self.statuses + catalog.deposits.compactMap { $0.status?.lowercased() })
            guard known.contains(status.lowercased()) else {
                throw AnswerError(.usage, "--status '\(status)' is not a status; give one of \(known.sorted().joined(separator: ", "))")
            }
        }
        if let commodity {
            let inData = Dictionary(catalog.deposits.flatMap { $0.commodities.map { ($0.lowercased(), $0) } }) { first, _ in first }
            guard Self.elements.contains(commodity.lowercased()) || inData[commodity.lowercased()] != nil else {
                throw AnswerError(.usage, "--commodity '\(commodity)' is not an element symbol; the data's commodities are \(inData.values.sorted().joined(separator: ", "))")
            }
        }
    }

    public func apply(_ catalog: Catalog) throws -> [Deposit] {
        try check(catalog)
        var chosen = catalog.deposits
        if let commodity {
            chosen = chosen.filter { $0.commodities.contains { $0.caseInsensitiveCompare(commodity) == .orderedSame } }
        }
        if let status {
            chosen = chosen.filter { $0.status?.caseInsensitiveCompare(status) == .orderedSame }
        }
        if let region {
            let r = try Lookup(catalog: catalog).region(region)
            let inside = Set(try catalog.deposits(in: r.id).map(\.id))
            chosen = chosen.filter { inside.contains($0.id) }
        }
        return chosen
    }
}
