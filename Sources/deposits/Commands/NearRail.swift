import ArgumentParser
import DepositIndex
import Foundation
import Geo

struct NearRail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "near-rail",
        abstract: "Distance from a deposit or a point to the nearest rail line(s), and the station nearest that rail point."
    )

    @Argument(help: "A deposit (id, name or alias) or coordinates, latitude first: 48.683,73.283, -33.87 151.21 or 48°41'N 73°17'E.")
    var place: String?

    @Flag(name: .customLong("all"), help: "Every deposit instead of one place, nearest to rail first (measured on every core).")
    var all = false

    @Option(name: .shortAndLong, help: "How many rail lines, nearest first.")
    var k: Int = 1

    @Option(name: .customLong("max-km"), help: "Leave out lines farther than this many km.")
    var maxKm: Double?

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all && place != nil { throw ValidationError("give a place or --all, not both") }
        if !all && place == nil { throw ValidationError("give a deposit or coordinates, or --all for every deposit") }
        guard k >= 1 else { throw ValidationError("-k must be at least 1") }
        if let maxKm, !(maxKm >= 0) { throw ValidationError("--max-km must be a distance of 0 or more") }
    }

    func run() throws {
        guard let place else { return try runForEveryDeposit() }
        try reportingErrors {
            var request = try StoreRequest.about(place)
            request.nearestRail = k
            request.railMaxDistance = (maxKm ?? .infinity) * 1000
            let catalog = try data.loadCatalog(for: request)
            let lookup = Lookup(catalog: catalog)
            let target = try lookup.place(place)
            let answer = try NearRailAnswer(catalog: catalog, target: target, k: k, maxDistance: (maxKm ?? .infinity) * 1000)
            try output.write(answer, catalog: catalog, data: data)
        }
    }
}

extension NearRail {
    private func runForEveryDeposit() throws {
        try reportingErrors {
            let catalog = try data.loadCatalog(for: .all)
            let answer = try NearRailForEveryDeposit(catalog: catalog, k: k, maxDistance: (maxKm ?? .infinity) * 1000)
            try output.write(answer, catalog: catalog, data: data)
        }
    }
}

/// The near-rail answer in the CLI's JSON schema: what was asked about, and the lines nearest first.
struct NearRailAnswer: CommandAnswer {
    var attributedLayers: Set<Attribution.Layer> { [.rail, .stations] }

    /// Said under a table when the data has no stations layer: the station columns are empty for that
    /// reason, not because no station is near (the distance to rail needs only the rail layer).
    static let noStations = "The data has no stations layer, so no station is named."

    var query: QueryTarget
    var results: [RailDistance]

    init(catalog: Catalog, target: Lookup.Target, k: Int, maxDistance: Double) throws {
        query = QueryTarget(target)
        switch target {
        case .deposit(let d): results = try catalog.nearestRail(to: .deposit(d.id), k: k, maxDistanceM: maxDistance)
        case .point(let c): results = try catalog.nearestRail(to: .point(c), k: k, maxDistanceM: maxDistance)
        }
    }

    func table(catalog: Catalog) -> String {
        var lines = ["Nearest rail to \(query.label)"]
        if results.isEmpty { return lines[0] + ": no rail line within the limit\n" }
        var t = TextTable([("rail line", .left), ("distance", .right), ("rail point (lat, lon)", .left),
                           ("nearest station", .left), ("station from rail point", .right)])
        let labels = catalog.railLabels()
        for r in results {
            t.add([labels[r.railId] ?? r.railName, Units.distance(r.distanceM), Units.point([r.railPoint.longitude, r.railPoint.latitude]),
                   r.station.map { catalog.stationLabel(id: $0.id, name: $0.name) } ?? "-", r.station.map { Units.distance($0.distanceM) } ?? "-"])
        }
        lines.append(t.text)
        if !catalog.presentLayers.contains(.stations) { lines.append(Self.noStations) }
        if let first = results.first, case .deposit = query.kind {
            lines.append("Measured from the deposit's nearest point \(Units.point([first.fromPoint.longitude, first.fromPoint.latitude])).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func features(catalog: Catalog) -> [Feature] {
        var features = [Feature]()
        if case .deposit(let id) = query.kind, let d = catalog.deposit(id: id) {
            features.append(FeatureBuilder.deposit(d))
        }
        for (i, r) in results.enumerated() {
            if let line = catalog.rail.first(where: { $0.id == r.railId }) { features.append(FeatureBuilder.rail(line)) }
            features.append(Feature(id: "distance-\(i + 1)", properties: [
                "kind": "distance", "rank": .number(Double(i + 1)), "rail_id": .string(r.railId), "rail_name": .string(r.railName),
                "distance_m": .number((r.distanceM * 10).rounded() / 10),
                "station_id": r.station.map { .string($0.id) } ?? .null, "station_name": r.station.map { .string($0.name) } ?? .null,
            ], geometry: .lineString([r.fromPoint, r.railPoint])))
            if let s = r.station, let station = catalog.stations.first(where: { $0.id == s.id }) {
                features.append(FeatureBuilder.station(station))
            }
        }
        if case .point(let c) = query.kind {
            features.insert(Feature(id: "query", properties: ["kind": "query"], geometry: .point(c)), at: 0)
        }
        return features
    }
}

/// What a query was about, in the JSON output.
struct QueryTarget: Encodable {
    enum Kind { case deposit(String), point(Coordinate) }
    var kind: Kind
    /// The place for a table's heading, escaped for the terminal.
    var label: String

    init(_ place: Lookup.Target) {
        switch place {
        case .deposit(let d):
            kind = .deposit(d.id)
            label = TerminalText.escaped("\(d.name) (\(d.id))")  // for tables only; JSON carries the id
        case .point(let c):
            kind = .point(c)
            label = Units.point([c.longitude, c.latitude])
        }
    }

    enum CodingKeys: String, CodingKey { case depositId = "deposit_id", point }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .deposit(let id): try c.encode(id, forKey: .depositId)
        case .point(let p): try c.encode(p, forKey: .point)
        }
    }
}
