import ArgumentParser
import DepositIndex
import Foundation
import Geo

/// Filters that pick deposits, shared by `list` and `export`.
struct DepositFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only deposits with this commodity (element symbol, e.g. W).", valueName: "SYMBOL"))
    var commodity: String?

    @Option(help: ArgumentHelp("Only deposits in this region (ISO code such as KZ-KAR, or name).", valueName: "REGION"))
    var region: String?

    @Option(help: "Only deposits with this status: producing, development, exploration or historic.")
    var status: String?

    /// The statuses GeoData/README.md defines; a data directory may use others, which are accepted too.
    static let statuses = ["producing", "development", "exploration", "historic"]

    /// The chemical element symbols, for telling a typo in `--commodity` from a commodity no deposit has.
    static let elements = Set("""
        H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr         Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt         Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og
        """.split(separator: " ").map { $0.lowercased() })

    /// Refuses (64) a filter value that is a typo rather than a question: a status neither defined nor in
    /// the data, a commodity that is no element symbol and in no deposit. A real value no deposit has
    /// answers "0 deposits".
    func check(_ catalog: Catalog) throws {
        if let status {
            let known = Set(Self.statuses + catalog.deposits.compactMap { $0.status?.lowercased() })
            guard known.contains(status.lowercased()) else {
                throw UserFacingError(.usage, "--status '\(status)' is not a status; give one of \(known.sorted().joined(separator: ", "))")
            }
        }
        if let commodity {
            let inData = Dictionary(catalog.deposits.flatMap { $0.commodities.map { ($0.lowercased(), $0) } }) { first, _ in first }
            guard Self.elements.contains(commodity.lowercased()) || inData[commodity.lowercased()] != nil else {
                throw UserFacingError(.usage, "--commodity '\(commodity)' is not an element symbol; the data's commodities are \(inData.values.sorted().joined(separator: ", "))")
            }
        }
    }

    func apply(_ catalog: Catalog) throws -> [Deposit] {
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

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the deposits, optionally filtered.")

    @OptionGroup var filters: DepositFilters
    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let catalog = try data.loadCatalog()
            // A store imported without deposits has no list to give: refused naming the layer, not "0 deposits".
            try catalog.requireLayers(.deposits)
            try output.write(DepositList(deposits: try filters.apply(catalog)), catalog: catalog, data: data)
        }
    }
}

/// `deposits list`: the deposits chosen (JSON: a list of catalog records).
struct DepositList: CommandAnswer {
    let deposits: [Deposit]
    var attributedLayers: Set<Attribution.Layer> { [.deposits] }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(deposits.map(DepositRecord.init))
    }

    func table(catalog: Catalog) -> String {
        var t = TextTable([("id", .left), ("name", .left), ("commodities", .left), ("status", .left), ("located", .left)])
        for d in deposits {
            t.add([d.id, d.name, d.commodities.joined(separator: ","), d.status ?? "-", d.geometry == nil ? "no" : "yes"])
        }
        return "\(deposits.count) deposits\n" + t.text + "\n"
    }

    func features(catalog: Catalog) -> [Feature] { deposits.map { FeatureBuilder.deposit($0) } }
}

/// A deposit's catalog record in the CLI's JSON schema.
struct DepositRecord: Encodable {
    var id: String
    var name: String
    var aliases: [String]
    var commodities: [String]
    var status: String?
    var footprint: String?
    var location_precision_m: Double?
    var source: String?
    var area_km2: Double?
    var located: Bool

    init(_ d: Deposit) {
        id = d.id
        name = d.name
        aliases = d.aliases
        commodities = d.commodities
        status = d.status
        footprint = d.footprint
        location_precision_m = d.locationPrecisionM
        source = d.source
        area_km2 = d.geometry.map { Geodesic.wgs84.area(of: $0) / 1e6 }
        located = d.geometry != nil
    }
}
