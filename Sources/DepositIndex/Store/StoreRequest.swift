import Geo

/// What a question needs from a store, so that only that is read. `CatalogStore.catalog(for:)` turns it
/// into a `Catalog` of those features on which the engine's answer is the same as on the whole store.
///
///     var request = StoreRequest()
///     request.deposits = ["Upper Kairakty"]
///     request.nearestRail = 1
///     let catalog = try store.catalog(for: request)
///     try catalog.nearestRail(to: .deposit(catalog.deposits[0].id))
public struct StoreRequest: Sendable {
    /// Deposits by id, name or alias (all matches of each, so an ambiguous name can be reported).
    public var deposits: [String] = []
    /// Points the question is about.
    public var points: [Coordinate] = []
    /// For each named deposit and point: the rail lines among which its `nearestRail` nearest lie,
    /// and, for each of those lines' nearest points, its nearest station. 0 for none.
    public var nearestRail = 0
    public var railMaxDistance = Double.infinity
    /// For each named deposit and point: its `nearestStations` nearest stations. 0 for none.
    public var nearestStations = 0
    /// For each point: the deposits within this many metres.
    public var depositsWithin: Double?
    /// The regions covering each point and meeting each named deposit.
    public var regionsAround = false
    /// Regions by code or name, with the deposits lying in them.
    public var regions: [String] = []
    /// Every corridor (the layer is small); with `corridorDeposits`, the deposits in each.
    public var corridors = false
    /// Corridors by name whose deposits are wanted; `corridorWidthKm` overrides their own width.
    public var corridorDeposits: [String] = []
    public var corridorWidthKm: Double?
    /// Every feature of every layer (lists and exports).
    public var everything = false
    /// Every rail line and station and the country outline: what a `RailNetwork` and its border rules are
    /// built from (the nearest gateways of `at` and `show`).
    public var network = false

    public init() {}

    /// The layers the answer cannot be given without, each with what needs it (for the refusal when one
    /// is absent). Not the stations for `nearestRail` (a line's nearest station is extra to the answer),
    /// and nothing for `everything` (lists and exports show what there is).
    public var neededLayers: [(layer: StoreLayer, neededFor: String)] {
        var out = [(layer: StoreLayer, neededFor: String)]()
        if !deposits.isEmpty { out.append((.deposits, "looking up a deposit")) }
        if nearestRail > 0 { out.append((.rail, "the distance to rail")) }
        if network { out.append((.rail, "the rail network")) }
        if nearestStations > 0 { out.append((.stations, "the nearest station")) }
        if depositsWithin != nil { out.append((.deposits, "the deposits near a point")) }
        if regionsAround || !regions.isEmpty { out.append((.regions, "finding regions")) }
        if !regions.isEmpty { out.append((.deposits, "the deposits of a region")) }
        if corridors || !corridorDeposits.isEmpty { out.append((.corridors, "the corridors")) }
        if !corridorDeposits.isEmpty { out.append((.deposits, "the deposits in a corridor")) }
        return out
    }
}
