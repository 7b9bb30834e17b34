import ArgumentParser
import DepositIndex
import Foundation
import Geo

struct CorridorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor",
        abstract: "The deposits inside a transport corridor, with distance to its centre line, overlap area and share; without a corridor, lists the corridors."
    )

    @Argument(help: "A corridor (id, name or alias). Leave out to list the corridors.")
    var corridor: String?

    @Option(name: .customLong("width-km"), help: "Full corridor width in km (default: the corridor's own width_km).")
    var widthKm: Double?

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let widthKm, !(widthKm > 0 && widthKm.isFinite) { throw ValidationError("--width-km must be a positive number of km") }
        if let widthKm, widthKm > Catalog.maximumCorridorWidthKm {
            throw ValidationError("--width-km \(widthKm) is more than \(Int(Catalog.maximumCorridorWidthKm)) km (half of it would reach past a quarter of the Earth's meridian)")
        }
    }

    func run() throws {
        try reportingErrors {
            var request = StoreRequest()
            request.corridors = true
            request.corridorDeposits = corridor.map { [$0] } ?? []
            request.corridorWidthKm = widthKm
            let catalog = try data.loadCatalog(for: request)
            guard let corridor else {
                try catalog.requireLayers(.corridors)
                return try output.write(CorridorList(corridors: catalog.corridors), catalog: catalog, data: data)
            }
            let c = try Lookup(catalog: catalog).corridor(corridor)
            let overlap = try catalog.corridorOverlap(corridor: c.id, widthKm: widthKm)
            let answer = CorridorAnswer(overlap)
            try output.write(answer, catalog: catalog, data: data)
        }
    }
}

/// `deposits corridor` alone: every corridor with its width and geodesic length (JSON: a list of rows).
struct CorridorList: CommandAnswer {
    let corridors: [Corridor]
    var attributedLayers: Set<Attribution.Layer> { [.corridors] }

    private struct Row: Encodable { var id: String; var name: String; var width_km: Double; var length_km: Double }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(corridors.map {
            Row(id: $0.id, name: $0.name, width_km: $0.widthKm, length_km: Geodesic.wgs84.length(of: $0.geometry) / 1000)
        })
    }

    func table(catalog: Catalog) -> String {
        var t = TextTable([("id", .left), ("name", .left), ("width", .right), ("length", .right)])
        for c in corridors {
            t.add([c.id, c.name, String(format: "%.0f km", c.widthKm), Units.distance(Geodesic.wgs84.length(of: c.geometry))])
        }
        return t.text + "\n"
    }

    func features(catalog: Catalog) -> [Feature] { corridors.map(FeatureBuilder.corridor) }
}

/// The corridor answer in the CLI's JSON schema.
struct CorridorAnswer: CommandAnswer {
    struct CorridorInfo: Encodable {
        var id: String
        var name: String
        var width_km: Double
    }

    var corridor: CorridorInfo
    var deposits: [CorridorDeposit]

    init(_ overlap: CorridorOverlap) {
        corridor = CorridorInfo(id: overlap.corridorId, name: overlap.corridorName, width_km: overlap.widthKm)
        deposits = overlap.deposits
    }

    var attributedLayers: Set<Attribution.Layer> { [.corridors, .deposits] }

    func table(catalog: Catalog) -> String {
        var out = "Deposits within \(TerminalText.escaped("\(corridor.name) (\(corridor.id))")), \(JSONWriter.format(corridor.width_km)) km wide: \(deposits.count)\n"
        guard !deposits.isEmpty else { return out }
        var t = TextTable([("deposit", .left), ("id", .left), ("from centre line", .right), ("overlap", .right), ("share", .right)])
        for d in deposits {
            t.add([d.name, d.id, Units.distance(d.distanceM), Units.area(d.overlapKm2), Units.share(d.share)])
        }
        out += t.text + "\n"
        return out
    }

    /// The deposits, the centre line, and the corridor's outline near each deposit (built in a plane
    /// centred on that deposit, as the overlap was measured).
    func features(catalog: Catalog) throws -> [Feature] {
        guard let c = catalog.corridors.first(where: { $0.id == corridor.id }) else { return [] }
        var features = [FeatureBuilder.corridor(c)]
        for d in deposits {
            guard let deposit = catalog.deposit(id: d.id) else { continue }
            features.append(FeatureBuilder.deposit(deposit, extra: [
                "distance_m": .number((d.distanceM * 10).rounded() / 10),
                "overlap_km2": .number((d.overlapKm2 * 1e6).rounded() / 1e6),
                "share": .number((d.share * 1e6).rounded() / 1e6),
            ]))
            if let outline = try catalog.corridorOutline(corridor: c.id, near: d.id, widthKm: corridor.width_km) {
                features.append(Feature(id: "\(c.id)-near-\(d.id)", properties: [
                    "kind": "corridor_outline", "corridor_id": .string(c.id), "deposit_id": .string(d.id),
                    "width_km": .number(corridor.width_km),
                ], geometry: outline))
            }
        }
        return features
    }
}
